-- Server push (GET /api/v1/events, issue 21): what concerns a login, written in the same
-- transaction as the change it tells of, so a stream that reconnects with Last-Event-ID misses
-- nothing, and every instance of the service sees what any other one wrote. Kept a day.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX events_by_user ON events (user_id, id);
