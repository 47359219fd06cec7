-- Orders: each keeps its own copy of the delivery address and who ordered, so later changes to
-- the address book or the profile never change history. "Forget me" overwrites the personal
-- columns and keeps the anonymous ones (lines, dates, account number, country).

CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    order_number     TEXT UNIQUE,
    user_id          INTEGER NOT NULL REFERENCES users (id),
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
    created_at       TEXT NOT NULL,
    UNIQUE (user_id, idempotency_key)
) STRICT;

CREATE INDEX orders_by_account_number ON orders (account_number, created_at);

CREATE TABLE order_lines (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    sku      TEXT NOT NULL REFERENCES catalogue_items (sku),
    packs    INTEGER NOT NULL CHECK (packs > 0),
    PRIMARY KEY (order_id, sku)
) STRICT;
