-- OMOP CDM v5.4 as input (issue 16, ADR 0046): an import may be a set of OMOP tables (kind OMOP), which DuckDB maps
-- into the event model. What could not be mapped is counted and kept as notes of the import (never person-level:
-- counts and up to five examples of codes or concept ids). Each import records where its data came from (source),
-- so that a run's page can say what such data cannot show (social position, DRG values, GP fees, municipal services).
ALTER TABLE monitoring_import DROP CONSTRAINT monitoring_import_kind_check;
ALTER TABLE monitoring_import ADD CONSTRAINT monitoring_import_kind_check CHECK (kind IN ('FULL', 'APPEND', 'OMOP'));
ALTER TABLE monitoring_import ADD COLUMN source VARCHAR(10) NOT NULL DEFAULT 'TVAERS'
    CHECK (source IN ('TVAERS', 'OMOP'));

CREATE TABLE monitoring_import_note (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id       BIGINT NOT NULL REFERENCES monitoring_import (id) ON DELETE CASCADE,
    note_key        VARCHAR(100) NOT NULL,
    row_count       BIGINT NOT NULL,
    examples        VARCHAR(1000)
);
CREATE INDEX monitoring_import_note_import ON monitoring_import_note (import_id, id);
