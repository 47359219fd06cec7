-- eSecure requests left open (issue 21): each reminds its administrators once after 48 hours
-- (reminded_at), and expires after 14 days: it becomes a rejection nobody made (expired_at,
-- decided_by empty), and the requester is told.
ALTER TABLE access_requests ADD COLUMN reminded_at TEXT;
ALTER TABLE access_requests ADD COLUMN expired_at TEXT;
