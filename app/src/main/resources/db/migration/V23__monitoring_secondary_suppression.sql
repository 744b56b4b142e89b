-- Monitoring: secondary (complementary) suppression (docs/suppression.md, ADR 0019). A result hidden only so that a
-- primary one (1-4 persons) cannot be computed from the others is marked secondary; like every hidden result it
-- keeps no figures. Runs stored before this are suppressed again when read (Runs.results).
ALTER TABLE monitoring_result ADD COLUMN secondary BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE monitoring_result ADD CONSTRAINT monitoring_result_secondary_check CHECK (NOT secondary OR suppressed);
