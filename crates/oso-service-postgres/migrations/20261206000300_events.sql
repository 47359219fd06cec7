-- Server push (GET /api/v1/events, issue 21); see the SQLite migration. A new row is announced
-- to every instance with NOTIFY oso_events in the same transaction.
CREATE TABLE events (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX events_by_user ON events (user_id, id);
