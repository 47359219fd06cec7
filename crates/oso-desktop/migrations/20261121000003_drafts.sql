-- Orders being made (the wizard's state, saved on every change) and orders waiting to be sent.
-- The id doubles as the idempotency key at the service, so a retry never places a second order.
CREATE TABLE drafts (
    id           TEXT PRIMARY KEY NOT NULL,
    body         TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'editing'
                 CHECK (state IN ('editing', 'waiting', 'accepted', 'refused')),
    order_number TEXT,
    refusal      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX drafts_by_state ON drafts (state, updated_at);
