-- Monitoring: the effect of an initiative per indicator (difference-in-differences with a 95 % bootstrap interval,
-- docs/indicator-sql.md) and the monthly series of its run charts, both aggregates computed in the analytic store.
-- A run records the bootstrap's seed and replicates, so its intervals can be recomputed exactly.
ALTER TABLE monitoring_run ADD COLUMN bootstrap_seed BIGINT;
ALTER TABLE monitoring_run ADD COLUMN bootstrap_replicates INT;

-- One indicator's effect. Hidden (no figures) when any of the group results it is computed from is hidden or empty.
CREATE TABLE monitoring_effect (
    run_id          BIGINT NOT NULL REFERENCES monitoring_run (id) ON DELETE CASCADE,
    indicator       VARCHAR(40) NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    matched         BOOLEAN NOT NULL,
    suppressed      BOOLEAN NOT NULL,
    estimate        NUMERIC(24, 6),
    lower_bound     NUMERIC(24, 6),
    upper_bound     NUMERIC(24, 6),
    PRIMARY KEY (run_id, indicator),
    CONSTRAINT monitoring_effect_kind_check CHECK (kind IN ('DID', 'DIFFERENCE_AFTER')),
    CONSTRAINT monitoring_effect_suppressed_check CHECK (NOT suppressed OR estimate IS NULL)
);

-- One month of a run chart: persons at risk and events of a group in the month relative to the index date.
CREATE TABLE monitoring_series (
    run_id          BIGINT NOT NULL REFERENCES monitoring_run (id) ON DELETE CASCADE,
    measure         VARCHAR(40) NOT NULL,
    cohort_group    VARCHAR(20) NOT NULL,
    month           INT NOT NULL,
    suppressed      BOOLEAN NOT NULL,
    persons         BIGINT,
    events          BIGINT,
    PRIMARY KEY (run_id, measure, cohort_group, month),
    CONSTRAINT monitoring_series_suppressed_check CHECK (suppressed = (persons IS NULL))
);
