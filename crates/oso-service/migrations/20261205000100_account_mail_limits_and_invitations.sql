-- Issue 17: account mail limits, and invited administrators' pending logins.

-- Mail-sending requests and mails sent, for their hourly limits: subjects are
-- 'mail:<kind>:account:<hash of the address>' and 'client:<client address>'.
CREATE TABLE mail_limit_events (
    id          INTEGER PRIMARY KEY,
    subject     TEXT NOT NULL,
    happened_at TEXT NOT NULL
) STRICT;

CREATE INDEX mail_limit_events_by_subject ON mail_limit_events (subject, happened_at);

-- A pending login made for an invited eSecure administrator opens only through its invitation
-- (a password_reset token), never through an activation code.
ALTER TABLE users ADD COLUMN invited_at TEXT;

UPDATE users SET invited_at = created_at
WHERE status = 'pending'
  AND id IN (SELECT user_id FROM one_time_tokens WHERE purpose = 'password_reset');
