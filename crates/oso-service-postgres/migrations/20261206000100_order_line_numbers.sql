-- The place of each line in its order, as the customer entered them (SQLite's migration of the
-- same name; there the row id gave the order so far, here nothing did).
ALTER TABLE order_lines ADD COLUMN line_no BIGINT;
