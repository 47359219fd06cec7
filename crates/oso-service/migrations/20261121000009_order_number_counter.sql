-- Order numbers come from a counter of their own. They came from the row id, which SQLite hands
-- out again once the newest rows are deleted: after 30 days without orders the retention job
-- would empty the table and the next order would get a number a customer already holds.

CREATE TABLE order_number_counter (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
) STRICT;

INSERT INTO order_number_counter (id, last) SELECT 1, COALESCE(MAX(id), 0) FROM orders;
