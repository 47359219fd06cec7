-- Operators (the supplier's staff and scripts) call the operator API with a token made by
-- `oso-service operators create-token`; only its SHA-256 hash is kept.
CREATE TABLE operator_tokens (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    token_hash BLOB NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
) STRICT;
