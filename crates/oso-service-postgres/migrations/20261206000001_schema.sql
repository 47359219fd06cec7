-- The service's schema on PostgreSQL, as the SQLite migrations (../migrations) leave it at
-- 20261205000300. PostgreSQL starts from this state; a later change gets a migration in both
-- folders, side by side. Times are timestamptz, flags boolean, hashes bytea; row ids are
-- identity columns, never reused. The comments of the SQLite migrations say why each table is.

-- gen_random_bytes for the logins' public ids (a trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE service_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO service_meta (key, value)
VALUES ('created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));

CREATE TABLE users (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               TEXT NOT NULL,
    email_canonical     TEXT NOT NULL,
    company_name        TEXT NOT NULL,
    contact_name        TEXT NOT NULL,
    phone               TEXT,
    default_email       TEXT,
    language            TEXT NOT NULL CHECK (language IN ('nl', 'en', 'fr')),
    password_hash       TEXT NOT NULL,
    password_changed_at TIMESTAMPTZ NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'active', 'forgotten')),
    created_at          TIMESTAMPTZ NOT NULL,
    activated_at        TIMESTAMPTZ,
    forgotten_at        TIMESTAMPTZ,
    invited_at          TIMESTAMPTZ,
    -- 128 random bits, whatever code inserts the row (see the SQLite migration 20261205000300).
    public_id           TEXT NOT NULL DEFAULT encode(gen_random_bytes(16), 'hex')
);

CREATE UNIQUE INDEX users_live_email ON users (email_canonical) WHERE status <> 'forgotten';
CREATE UNIQUE INDEX users_public_id ON users (public_id);

CREATE TABLE one_time_tokens (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose         TEXT NOT NULL CHECK (purpose IN ('activation', 'password_reset')),
    link_hash       BYTEA NOT NULL UNIQUE,
    code_hash       BYTEA NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    used_at         TIMESTAMPTZ,
    failed_attempts BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX one_time_tokens_by_user ON one_time_tokens (user_id, purpose);

CREATE TABLE sessions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   BYTEA NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE sign_in_failures (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject   TEXT NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX sign_in_failures_by_subject ON sign_in_failures (subject, failed_at);

CREATE TABLE password_expiry_warnings (
    user_id             BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_changed_at TIMESTAMPTZ NOT NULL,
    days_before         BIGINT NOT NULL,
    sent_at             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, password_changed_at, days_before)
);

CREATE TABLE mail_limit_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject     TEXT NOT NULL,
    happened_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX mail_limit_events_by_subject ON mail_limit_events (subject, happened_at);

CREATE TABLE catalogue_items (
    sku                  TEXT PRIMARY KEY,
    category             TEXT NOT NULL,
    size                 TEXT,
    definition           TEXT NOT NULL,
    max_packs_per_order  BIGINT NOT NULL CHECK (max_packs_per_order > 0),
    sold                 BOOLEAN NOT NULL DEFAULT TRUE,
    position             BIGINT NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);

CREATE TABLE catalogue_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO catalogue_meta (key, value) VALUES ('version', '0');

-- The catalogue's version moves with every change to it, however it is made (see the SQLite
-- migration 20261121000008).
CREATE FUNCTION catalogue_version_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_meta SET value = (value::bigint + 1)::text WHERE key = 'version';
    RETURN NULL;
END;
$$;

CREATE TRIGGER catalogue_items_changed AFTER INSERT OR UPDATE OR DELETE ON catalogue_items
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_moves();

CREATE TRIGGER catalogue_frame_changed AFTER INSERT OR UPDATE ON catalogue_meta
    FOR EACH ROW WHEN (NEW.key = 'frame') EXECUTE FUNCTION catalogue_version_moves();

CREATE TABLE account_numbers (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    number     TEXT NOT NULL CHECK (length(number) = 9),
    name       TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, number)
);

CREATE TABLE addresses (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company        TEXT NOT NULL,
    contact_person TEXT NOT NULL,
    street         TEXT NOT NULL,
    number         TEXT NOT NULL,
    box_number     TEXT,
    postal_code    TEXT NOT NULL,
    city           TEXT NOT NULL,
    country        TEXT NOT NULL,
    phone          TEXT NOT NULL,
    email          TEXT,
    driver_note    TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX addresses_by_user ON addresses (user_id);

-- Order numbers from a sequence: never handed out twice, whatever instance asks.
CREATE SEQUENCE order_numbers AS BIGINT;

CREATE TABLE orders (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_number     TEXT UNIQUE,
    user_id          BIGINT NOT NULL REFERENCES users (id),
    idempotency_key  TEXT NOT NULL,
    account_number   TEXT NOT NULL CHECK (length(account_number) = 9),
    status           TEXT NOT NULL DEFAULT 'received'
                     CHECK (status IN ('received', 'in_progress', 'shipped', 'completed', 'cancelled')),
    company          TEXT NOT NULL,
    contact_person   TEXT NOT NULL,
    street           TEXT NOT NULL,
    number           TEXT NOT NULL,
    box_number       TEXT,
    postal_code      TEXT NOT NULL,
    city             TEXT NOT NULL,
    country          TEXT NOT NULL,
    phone            TEXT NOT NULL,
    email            TEXT,
    driver_note      TEXT,
    ordered_by_name  TEXT NOT NULL,
    ordered_by_email TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    tracking_number  TEXT,
    completed_at     TIMESTAMPTZ,
    UNIQUE (user_id, idempotency_key)
);

CREATE INDEX orders_by_created_at ON orders (created_at);
CREATE INDEX orders_history_by_account_number
    ON orders (account_number, created_at, order_number, status, company, user_id);
CREATE INDEX orders_history_by_user
    ON orders (user_id, created_at, order_number, status, account_number, company);

CREATE TABLE order_lines (
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    sku      TEXT NOT NULL REFERENCES catalogue_items (sku),
    packs    BIGINT NOT NULL CHECK (packs > 0),
    PRIMARY KEY (order_id, sku)
);

CREATE TABLE order_status_changes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('customer', 'operator'))
);

CREATE INDEX order_status_changes_by_order ON order_status_changes (order_id, id);

CREATE TABLE operator_tokens (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    token_hash BYTEA NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

CREATE TABLE customer_accounts (
    number            TEXT PRIMARY KEY CHECK (length(number) = 9),
    company           TEXT NOT NULL,
    protected         BOOLEAN NOT NULL DEFAULT FALSE,
    restrict_requests BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE account_administrators (
    account_number  TEXT NOT NULL REFERENCES customer_accounts (number) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    email_canonical TEXT NOT NULL,
    name            TEXT NOT NULL,
    language        TEXT NOT NULL CHECK (language IN ('nl', 'en', 'fr')),
    added_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_number, email_canonical)
);

CREATE INDEX account_administrators_by_email ON account_administrators (email_canonical);

CREATE TABLE account_domains (
    account_number TEXT NOT NULL REFERENCES customer_accounts (number) ON DELETE CASCADE,
    domain         TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('authorised', 'restricted')),
    PRIMARY KEY (account_number, kind, domain)
);

CREATE TABLE access_requests (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_number  TEXT NOT NULL REFERENCES customer_accounts (number) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    email_canonical TEXT NOT NULL,
    company         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'revoked')),
    requested_at    TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT,
    UNIQUE (account_number, email_canonical)
);

CREATE INDEX access_requests_by_email ON access_requests (email_canonical);

CREATE TABLE access_request_tokens (
    token_hash  BYTEA PRIMARY KEY,
    request_id  BIGINT NOT NULL REFERENCES access_requests (id) ON DELETE CASCADE,
    admin_email TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

CREATE TABLE esecure_audit (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_number TEXT NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    subject        TEXT NOT NULL
);

CREATE INDEX esecure_audit_by_account ON esecure_audit (account_number, id);
