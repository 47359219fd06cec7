-- The requester's note on an open eSecure request ("I am the new office manager"), which the
-- administrators see in the list and are mailed (issue 21).
ALTER TABLE access_requests ADD COLUMN note TEXT;
