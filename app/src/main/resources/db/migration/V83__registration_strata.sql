-- The benchmark by social strata (issue 14, ADR 0051): what the courses of citizens in a stratum (short education,
-- low income, multimorbidity, living alone; known from the analytic store through registrations' CitizenStrata SPI)
-- contribute to fulfilment, per unit, summed over the start years: registration_contributions of those courses, kept
-- so the page reads a few rows. Recomputed in the background when the strata's data or the scheme's fulfilment tally
-- change (registration_stratum_state says from what and when).

CREATE TABLE registration_stratum_tally (
    scheme_id bigint  NOT NULL REFERENCES registration_scheme (id),
    stratum   text    NOT NULL CHECK (stratum IN ('SHORT_EDUCATION', 'LOW_INCOME', 'MULTIMORBIDITY', 'LIVING_ALONE')),
    unit_id   bigint  NOT NULL,
    measure   text    COLLATE "C" NOT NULL,
    x         numeric NOT NULL,
    n         bigint  NOT NULL CHECK (n >= 0),
    k         bigint  NOT NULL CHECK (k >= 0 AND k <= n),
    PRIMARY KEY (scheme_id, stratum, measure, unit_id, x)
);

CREATE TABLE registration_stratum_state (
    scheme_id   bigint PRIMARY KEY REFERENCES registration_scheme (id),
    -- the strata's data (the analytic store's data version); NULL: no strata were known
    source      text,
    -- md5 of the scheme's fulfilment rows of registration_tally the figures were computed with
    tally       text NOT NULL,
    courses     bigint NOT NULL CHECK (courses >= 0),
    -- courses whose citizen the strata's data hold
    known       bigint NOT NULL CHECK (known >= 0 AND known <= courses),
    computed_at timestamptz NOT NULL
);
