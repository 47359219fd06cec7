-- The time zone a login reads dates in; see the SQLite migration.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Brussels';
