-- Import messages that explain themselves (issue 12 item 10): an error may carry the values its message names (the
-- expected header, the other line of a duplicate, the unknown initiative), and the rows that failed only because of
-- it (a refused person's contacts) are counted under it instead of being listed as errors of their own.
ALTER TABLE monitoring_import_error ADD COLUMN arguments VARCHAR(4000);
ALTER TABLE monitoring_import_error ADD COLUMN dependents BIGINT NOT NULL DEFAULT 0;
