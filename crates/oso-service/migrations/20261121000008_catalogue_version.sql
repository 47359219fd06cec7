-- A counter that changes with every change to the catalogue, however it is made (the start-up
-- load, an operator's SQL, a test): the service keeps the parsed catalogue in memory and reads
-- only this counter per order to know whether its copy is still the truth.

INSERT INTO catalogue_meta (key, value) VALUES ('version', '0')
    ON CONFLICT (key) DO NOTHING;

CREATE TRIGGER catalogue_items_inserted AFTER INSERT ON catalogue_items BEGIN
    UPDATE catalogue_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version';
END;

CREATE TRIGGER catalogue_items_updated AFTER UPDATE ON catalogue_items BEGIN
    UPDATE catalogue_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version';
END;

CREATE TRIGGER catalogue_items_deleted AFTER DELETE ON catalogue_items BEGIN
    UPDATE catalogue_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version';
END;

CREATE TRIGGER catalogue_frame_inserted AFTER INSERT ON catalogue_meta WHEN NEW.key = 'frame' BEGIN
    UPDATE catalogue_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version';
END;

CREATE TRIGGER catalogue_frame_updated AFTER UPDATE ON catalogue_meta WHEN NEW.key = 'frame' BEGIN
    UPDATE catalogue_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version';
END;
