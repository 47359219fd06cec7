-- The last catalogue the service sent, so the wizard works offline.
CREATE TABLE catalogue_cache (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    body       TEXT NOT NULL,
    fetched_at TEXT NOT NULL
) STRICT;
