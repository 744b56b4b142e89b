-- Monitoring: an initiative's population definition, versioned (every save is a new version; a run records the
-- version it used), and whether a run's per-person table in the analytic store has been cleaned up.

CREATE TABLE monitoring_population (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id       BIGINT NOT NULL REFERENCES initiative (id),
    version             INT NOT NULL,
    source              VARCHAR(20) NOT NULL,
    -- a rule: SKS codes (prefixes) and municipality codes, each separated by one space
    diagnosis_prefixes  VARCHAR(500),
    municipalities      VARCHAR(500),
    age_min             INT,
    age_max             INT,
    date_from           DATE,
    date_to             DATE,
    comparison          VARCHAR(20),
    matches_per_target  INT,
    match_stratum       VARCHAR(20),
    by_user_id          BIGINT,
    by_name             VARCHAR(200) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT monitoring_population_version_unique UNIQUE (initiative_id, version),
    CONSTRAINT monitoring_population_source_check CHECK (source IN ('INCLUSIONS', 'RULE')),
    CONSTRAINT monitoring_population_comparison_check CHECK (comparison IN ('EVERYONE_ELSE', 'MATCHED')),
    CONSTRAINT monitoring_population_stratum_check CHECK (match_stratum IN ('EDUCATION', 'INCOME', 'LIVING_ALONE')),
    CONSTRAINT monitoring_population_rule_check CHECK (source = 'INCLUSIONS' OR (diagnosis_prefixes IS NOT NULL
        AND date_from IS NOT NULL AND date_to IS NOT NULL AND date_from <= date_to AND comparison IS NOT NULL)),
    CONSTRAINT monitoring_population_matching_check CHECK (comparison IS DISTINCT FROM 'MATCHED'
        OR (matches_per_target BETWEEN 1 AND 10 AND match_stratum IS NOT NULL)),
    CONSTRAINT monitoring_population_age_check CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);

ALTER TABLE monitoring_run ADD COLUMN population_id BIGINT REFERENCES monitoring_population (id);
ALTER TABLE monitoring_run ADD COLUMN person_table_dropped BOOLEAN NOT NULL DEFAULT false;
