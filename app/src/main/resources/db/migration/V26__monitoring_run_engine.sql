-- Monitoring: the engine a run was computed on (issue 16, ADR 0041). DUCKDB: the analytic store on this machine;
-- SPARK: the Spark job submitted to the configured target (tvaers.monitoring.spark.*), whose aggregates were read
-- back. engine_version is what the engine reported (DuckDB's version(), Spark's SparkSession.version()).
ALTER TABLE monitoring_run ADD COLUMN engine VARCHAR(10) NOT NULL DEFAULT 'DUCKDB';
ALTER TABLE monitoring_run ADD COLUMN engine_version VARCHAR(60);
ALTER TABLE monitoring_run ADD CONSTRAINT monitoring_run_engine_check CHECK (engine IN ('DUCKDB', 'SPARK'));
