-- eSecure: customer accounts (kept by the supplier's operators), their administrators, domain
-- lists, the requests of users who want to use a protected number, and an audit trail.
-- Administrators and requesters are named by e-mail address (canonical form), since an
-- administrator may not have a login yet.

CREATE TABLE customer_accounts (
    number            TEXT PRIMARY KEY NOT NULL CHECK (length(number) = 9),
    company           TEXT NOT NULL,
    protected         INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
    -- Requests from addresses outside the restricted domains are refused at once.
    restrict_requests INTEGER NOT NULL DEFAULT 0 CHECK (restrict_requests IN (0, 1)),
    created_at        TEXT NOT NULL
) STRICT;

CREATE TABLE account_administrators (
    account_number  TEXT NOT NULL REFERENCES customer_accounts (number) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    email_canonical TEXT NOT NULL,
    name            TEXT NOT NULL,
    language        TEXT NOT NULL CHECK (language IN ('nl', 'en', 'fr')),
    added_at        TEXT NOT NULL,
    PRIMARY KEY (account_number, email_canonical)
) STRICT;

CREATE INDEX account_administrators_by_email ON account_administrators (email_canonical);

CREATE TABLE account_domains (
    account_number TEXT NOT NULL REFERENCES customer_accounts (number) ON DELETE CASCADE,
    domain         TEXT NOT NULL,
    -- authorised: its users may use the number without a request;
    -- restricted: with restrict_requests, only its users may ask.
    kind           TEXT NOT NULL CHECK (kind IN ('authorised', 'restricted')),
    PRIMARY KEY (account_number, kind, domain)
) STRICT;

CREATE TABLE access_requests (
    id              INTEGER PRIMARY KEY,
    account_number  TEXT NOT NULL REFERENCES customer_accounts (number) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    email_canonical TEXT NOT NULL,
    company         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'revoked')),
    requested_at    TEXT NOT NULL,
    decided_at      TEXT,
    decided_by      TEXT,
    -- One per account and address: repeated tries never mail the administrators again.
    UNIQUE (account_number, email_canonical)
) STRICT;

CREATE INDEX access_requests_by_email ON access_requests (email_canonical);

-- The e-mailed Reject buttons: one token per administrator and request, single use.
CREATE TABLE access_request_tokens (
    token_hash  BLOB PRIMARY KEY NOT NULL,
    request_id  INTEGER NOT NULL REFERENCES access_requests (id) ON DELETE CASCADE,
    admin_email TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
) STRICT;

CREATE TABLE esecure_audit (
    id             INTEGER PRIMARY KEY,
    account_number TEXT NOT NULL,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    subject        TEXT NOT NULL
) STRICT;

CREATE INDEX esecure_audit_by_account ON esecure_audit (account_number, id);
