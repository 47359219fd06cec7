-- Keyset paging of the order history (see oso-service/src/orders/history_keyset.rs). A page is read along
-- an index of each source of visible orders (the login's own orders, the orders on a number it
-- administers), from the cursor on, for every column the history sorts by; `o.id` breaks ties.
-- The packs and the lifecycle rank become columns so that they can be indexed.

-- An order's total packs over its lines, written when it is placed (its lines never change).
ALTER TABLE orders ADD COLUMN packs BIGINT NOT NULL DEFAULT 0;
UPDATE orders SET packs = (SELECT COALESCE(SUM(l.packs), 0) FROM order_lines l WHERE l.order_id = orders.id);

-- The status in the order's lifecycle (received, in progress, shipped, completed; cancelled
-- last); history_keyset::lifecycle_rank is the same.
ALTER TABLE orders ADD COLUMN status_rank BIGINT GENERATED ALWAYS AS (
    CASE status WHEN 'received' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'shipped' THEN 2
                WHEN 'completed' THEN 3 ELSE 4 END) STORED;

-- The covering indexes of the OFFSET history are replaced by one index per source and sort.
DROP INDEX orders_history_by_account_number;
DROP INDEX orders_history_by_user;

CREATE INDEX orders_of_user_by_id ON orders (user_id, id);
CREATE INDEX orders_of_user_by_created_at ON orders (user_id, created_at, id);
CREATE INDEX orders_of_user_by_status ON orders (user_id, status_rank, id);
CREATE INDEX orders_of_user_by_number ON orders (user_id, account_number, id);
CREATE INDEX orders_of_user_by_company ON orders (user_id, lower(company), id);
CREATE INDEX orders_of_user_by_packs ON orders (user_id, packs, id);

-- Sorted by account number, the orders on one number are in id order: orders_on_number_by_id.
CREATE INDEX orders_on_number_by_id ON orders (account_number, id);
CREATE INDEX orders_on_number_by_created_at ON orders (account_number, created_at, id);
CREATE INDEX orders_on_number_by_status ON orders (account_number, status_rank, id);
CREATE INDEX orders_on_number_by_company ON orders (account_number, lower(company), id);
CREATE INDEX orders_on_number_by_packs ON orders (account_number, packs, id);
