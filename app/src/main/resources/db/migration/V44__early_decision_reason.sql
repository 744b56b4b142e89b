-- A decision made before the call's deadline (while others may still apply) needs a stated reason, kept with the
-- decision (issue 11, ADR 0020). NULL for every decision made after the deadline.
ALTER TABLE application_decision ADD COLUMN early_reason VARCHAR(2000);
