-- This desktop's own preferences (not the user's profile, which lives at the service).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
