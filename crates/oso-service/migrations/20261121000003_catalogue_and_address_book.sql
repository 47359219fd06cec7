-- The supplies catalogue (loaded from catalogue/catalogue.json at start), and per-login account
-- numbers and delivery addresses.

CREATE TABLE catalogue_items (
    sku                  TEXT PRIMARY KEY NOT NULL,
    category             TEXT NOT NULL,
    size                 TEXT,
    -- The item as the catalogue file describes it, names and texts in every language.
    definition           TEXT NOT NULL,
    max_packs_per_order  INTEGER NOT NULL CHECK (max_packs_per_order > 0),
    -- Items that left the file stay, marked as no longer sold: past orders refer to them.
    sold                 INTEGER NOT NULL DEFAULT 1 CHECK (sold IN (0, 1)),
    position             INTEGER NOT NULL,
    updated_at           TEXT NOT NULL
) STRICT;

CREATE TABLE catalogue_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE account_numbers (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    number     TEXT NOT NULL CHECK (length(number) = 9),
    name       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (user_id, number)
) STRICT;

CREATE TABLE addresses (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
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
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX addresses_by_user ON addresses (user_id);
