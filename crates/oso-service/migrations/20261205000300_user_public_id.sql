-- A stable, opaque id per login that clients may keep (the desktop keys its drafts and queued
-- orders by it): 128 random bits, never reused and never the same on two services, unlike the
-- row id (which SQLite may hand out again) or the e-mail address (which "forget me" frees for a
-- new, unrelated login). Every insert gets one from the trigger, whatever code inserts the row.
ALTER TABLE users ADD COLUMN public_id TEXT;

UPDATE users SET public_id = lower(hex(randomblob(16)));

CREATE UNIQUE INDEX users_public_id ON users (public_id);

CREATE TRIGGER users_public_id_on_insert AFTER INSERT ON users
    WHEN NEW.public_id IS NULL
BEGIN
    UPDATE users SET public_id = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
