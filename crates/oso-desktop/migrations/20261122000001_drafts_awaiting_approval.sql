-- eSecure: a confirmed order for an account number whose administrators have not yet approved
-- this user waits in the queue as 'approval' and is retried until approved or rejected.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its rows.
CREATE TABLE drafts_new (
    id           TEXT PRIMARY KEY NOT NULL,
    body         TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'editing'
                 CHECK (state IN ('editing', 'waiting', 'approval', 'accepted', 'refused')),
    order_number TEXT,
    refusal      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

INSERT INTO drafts_new (id, body, state, order_number, refusal, created_at, updated_at)
    SELECT id, body, state, order_number, refusal, created_at, updated_at FROM drafts;
DROP TABLE drafts;
ALTER TABLE drafts_new RENAME TO drafts;
CREATE INDEX drafts_by_state ON drafts (state, updated_at);
