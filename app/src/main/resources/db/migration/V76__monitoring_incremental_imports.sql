-- Incremental imports (issue 16): an import is a full snapshot that replaces all event data (FULL), or new events
-- appended to the data now in the store as a new data version (APPEND), whose rules are in docs/import-format-v1.md.
ALTER TABLE monitoring_import ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'FULL' CHECK (kind IN ('FULL', 'APPEND'));
