-- The requester's note on an open eSecure request (issue 21); see the SQLite migration.
ALTER TABLE access_requests ADD COLUMN note TEXT;
