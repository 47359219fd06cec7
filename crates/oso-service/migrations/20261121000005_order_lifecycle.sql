-- The order lifecycle: a tracking number when shipped, when it was completed, and every status
-- change with its time, shown as the order's timeline.
ALTER TABLE orders ADD COLUMN tracking_number TEXT;
ALTER TABLE orders ADD COLUMN completed_at TEXT;

CREATE TABLE order_status_changes (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('customer', 'operator'))
) STRICT;

CREATE INDEX order_status_changes_by_order ON order_status_changes (order_id, id);
CREATE INDEX orders_by_created_at ON orders (created_at);
