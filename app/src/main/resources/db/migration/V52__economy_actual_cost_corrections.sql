-- Economy: an entered actual cost can be corrected (or deleted) by those who may record actual costs (ADR 0037).
-- The row keeps who entered it; the latest correction is kept on the row, and every correction and deletion, with what
-- the row said before, is in the append-only audit log.
ALTER TABLE actual_cost ADD COLUMN corrected_at TIMESTAMPTZ;
ALTER TABLE actual_cost ADD COLUMN corrected_by_user_id BIGINT;
ALTER TABLE actual_cost ADD COLUMN corrected_by_name VARCHAR(254);
