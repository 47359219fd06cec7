-- Signing in with the carrier's account (OpenID Connect). A person at the provider is known by
-- the ID token's issuer and subject, never by an e-mail address alone (issue 20).
CREATE TABLE external_identities (
    issuer    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (issuer, subject)
) STRICT;

-- A login links to at most one person per provider.
CREATE UNIQUE INDEX external_identities_one_per_login ON external_identities (user_id, issuer);

-- A first sign-in between the checked ID token and the step that makes or links the login: the
-- person as the provider vouched for them, behind a one-time ticket (its hash here). Nothing is
-- made until that step, so an abandoned first sign-in leaves no login behind.
CREATE TABLE external_sign_in_tickets (
    id           INTEGER PRIMARY KEY,
    ticket_hash  BLOB NOT NULL UNIQUE,
    issuer       TEXT NOT NULL,
    subject      TEXT NOT NULL,
    email        TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    language     TEXT,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL
) STRICT;
