-- Monitoring: imports of event data into the analytic store (DuckDB) and Triple Aim runs. Person-level rows never
-- come here: only jobs, their errors (file, line, reason) and aggregates with groups under 5 persons suppressed.

CREATE TABLE monitoring_import (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status          VARCHAR(20) NOT NULL DEFAULT 'QUEUED',
    progress        INT NOT NULL DEFAULT 0,
    step_key        VARCHAR(100),
    files           VARCHAR(1000) NOT NULL,
    error_count     BIGINT NOT NULL DEFAULT 0,
    data_version    INT,
    persons         BIGINT,
    contacts        BIGINT,
    by_user_id      BIGINT,
    by_name         VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    finished_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT monitoring_import_status_check CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REFUSED', 'FAILED')),
    CONSTRAINT monitoring_import_progress_check CHECK (progress BETWEEN 0 AND 100)
);

CREATE TABLE monitoring_import_error (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id       BIGINT NOT NULL REFERENCES monitoring_import (id) ON DELETE CASCADE,
    file_name       VARCHAR(100) NOT NULL,
    line            BIGINT NOT NULL,
    reason_key      VARCHAR(100) NOT NULL,
    column_name     VARCHAR(100)
);
CREATE INDEX monitoring_import_error_import ON monitoring_import_error (import_id, id);

CREATE TABLE monitoring_run (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id       BIGINT NOT NULL REFERENCES initiative (id),
    status              VARCHAR(20) NOT NULL DEFAULT 'QUEUED',
    progress            INT NOT NULL DEFAULT 0,
    step_key            VARCHAR(100),
    window_days         INT NOT NULL,
    data_version        INT,
    definition_version  VARCHAR(40),
    tariff_years        VARCHAR(100),
    by_user_id          BIGINT,
    by_name             VARCHAR(200) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    finished_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT monitoring_run_status_check CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT monitoring_run_progress_check CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT monitoring_run_window_check CHECK (window_days BETWEEN 30 AND 1095)
);
CREATE INDEX monitoring_run_initiative ON monitoring_run (initiative_id, id DESC);

-- One statistic of one indicator for one group, period and stratum. A suppressed row (n < 5) keeps no figures.
CREATE TABLE monitoring_result (
    run_id          BIGINT NOT NULL REFERENCES monitoring_run (id) ON DELETE CASCADE,
    indicator       VARCHAR(40) NOT NULL,
    cohort_group    VARCHAR(20) NOT NULL,
    period          VARCHAR(10) NOT NULL,
    stratum         VARCHAR(40) NOT NULL,
    stratum_value   VARCHAR(40) NOT NULL,
    suppressed      BOOLEAN NOT NULL,
    n               BIGINT,
    total           NUMERIC(24, 2),
    denominator     BIGINT,
    median          NUMERIC(24, 2),
    with_event      BIGINT,
    PRIMARY KEY (run_id, indicator, cohort_group, period, stratum, stratum_value),
    CONSTRAINT monitoring_result_suppressed_check CHECK (suppressed = (n IS NULL))
);
