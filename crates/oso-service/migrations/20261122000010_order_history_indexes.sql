-- The order history lists, counts and sorts a user's orders and those of the account numbers
-- under the login. These two indexes hold every column the listing shows, so counting and
-- sorting read the dense index alone instead of one table page per order: under load, with
-- thousands of orders per login, a history page read one table page per order (3,814 pages at
-- 3,776 orders) and the service's memory grew with them; it now reads ~90 index pages.
DROP INDEX orders_by_account_number;
CREATE INDEX orders_history_by_account_number
    ON orders (account_number, created_at, order_number, status, company, user_id);
CREATE INDEX orders_history_by_user
    ON orders (user_id, created_at, order_number, status, account_number, company);
