-- eSecure requests left open (issue 21); see the SQLite migration.
ALTER TABLE access_requests ADD COLUMN reminded_at TIMESTAMPTZ;
ALTER TABLE access_requests ADD COLUMN expired_at TIMESTAMPTZ;
