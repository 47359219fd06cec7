-- Signing in with the carrier's account: SQLite's migration of the same name.
CREATE TABLE external_identities (
    issuer    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    linked_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (issuer, subject)
);

CREATE UNIQUE INDEX external_identities_one_per_login ON external_identities (user_id, issuer);

CREATE TABLE external_sign_in_tickets (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_hash  BYTEA NOT NULL UNIQUE,
    issuer       TEXT NOT NULL,
    subject      TEXT NOT NULL,
    email        TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    language     TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
