-- The time zone a login reads dates in (an IANA name the service parses with chrono-tz): its
-- e-mails and the service's pages write every moment in it. Belgian customers first, so every
-- existing login starts in Brussels.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Brussels';
