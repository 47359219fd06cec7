-- The delivery address of each login's last placed order: the order wizard starts from it
-- ("voor uw bestellingen"). Kept over sign-out like the login's drafts; removed by "forget me".
CREATE TABLE last_addresses (
    owner   TEXT PRIMARY KEY NOT NULL,
    body    TEXT NOT NULL,
    used_at TEXT NOT NULL
) STRICT;
