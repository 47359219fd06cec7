-- The signed-in user's saved account numbers and addresses as last seen, so the order wizard
-- works while the service cannot be reached. Cleared on sign-out and by "forget me".
CREATE TABLE service_cache (
    key        TEXT PRIMARY KEY NOT NULL,
    body       TEXT NOT NULL,
    fetched_at TEXT NOT NULL
) STRICT;
