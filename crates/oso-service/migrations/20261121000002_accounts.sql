-- Logins, their one-time tokens, sessions, sign-in failures and password-expiry warnings.
-- Times are RFC 3339 UTC text, written by the service's Clock, so tests can move time.

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    email               TEXT NOT NULL,
    email_canonical     TEXT NOT NULL,
    company_name        TEXT NOT NULL,
    contact_name        TEXT NOT NULL,
    phone               TEXT,
    -- Where order and account e-mails go when it differs from the login address.
    default_email       TEXT,
    language            TEXT NOT NULL CHECK (language IN ('nl', 'en', 'fr')),
    password_hash       TEXT NOT NULL,
    password_changed_at TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'active', 'forgotten')),
    created_at          TEXT NOT NULL,
    activated_at        TEXT,
    forgotten_at        TEXT
) STRICT;

-- One live login per address; a forgotten one frees the address for a new, unrelated account.
CREATE UNIQUE INDEX users_live_email ON users (email_canonical) WHERE status <> 'forgotten';

CREATE TABLE one_time_tokens (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose         TEXT NOT NULL CHECK (purpose IN ('activation', 'password_reset')),
    link_hash       BLOB NOT NULL UNIQUE,
    code_hash       BLOB NOT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    used_at         TEXT,
    failed_attempts INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX one_time_tokens_by_user ON one_time_tokens (user_id, purpose);

CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   BLOB NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    revoked_at   TEXT
) STRICT;

CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins per subject: 'account:<canonical e-mail hash>' or 'client:<address>'.
CREATE TABLE sign_in_failures (
    id        INTEGER PRIMARY KEY,
    subject   TEXT NOT NULL,
    failed_at TEXT NOT NULL
) STRICT;

CREATE INDEX sign_in_failures_by_subject ON sign_in_failures (subject, failed_at);

-- Each expiry warning is sent once per password.
CREATE TABLE password_expiry_warnings (
    user_id             INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_changed_at TEXT NOT NULL,
    days_before         INTEGER NOT NULL,
    sent_at             TEXT NOT NULL,
    PRIMARY KEY (user_id, password_changed_at, days_before)
) STRICT;
