-- Issue 17: a draft or queued order belongs to the login that made it, named by the service's
-- stable user id (`user_id`), never by its e-mail address. Only its owner sees, resumes or sends
-- it. Rows saved before owners were recorded cannot be told apart: whose they are is unknown, and
-- they must never go out under, or be shown to, another login, so they are not carried over
-- (the app logs how many it found before migrating; secure_delete zeroes their pages).
CREATE TABLE drafts_owned (
    id           TEXT PRIMARY KEY NOT NULL,
    owner        TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 64),
    body         TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'editing'
                 CHECK (state IN ('editing', 'waiting', 'approval', 'accepted', 'refused')),
    order_number TEXT,
    refusal      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

DROP TABLE drafts;
ALTER TABLE drafts_owned RENAME TO drafts;
CREATE INDEX drafts_by_owner ON drafts (owner, state, updated_at);

-- The offline copies (profile, saved account numbers and addresses, history pages) belong to a
-- login as well. The old ones name nobody; they are refilled at the next sign-in.
DROP TABLE service_cache;
CREATE TABLE service_cache (
    owner      TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 64),
    key        TEXT NOT NULL,
    body       TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (owner, key)
) STRICT;
