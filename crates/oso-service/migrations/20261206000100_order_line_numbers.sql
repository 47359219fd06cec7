-- The place of each line in its order, as the customer entered them: the order lines were read
-- back by row id, which PostgreSQL (issue 19) does not have. Lines written before this have none
-- and keep reading back by row id.
ALTER TABLE order_lines ADD COLUMN line_no INTEGER;
