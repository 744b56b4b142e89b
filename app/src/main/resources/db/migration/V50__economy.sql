-- Economy: business cases of initiatives. Every saved version is kept with its lines; a version is never changed
-- after it is saved, except that the Task Force marks one version of an initiative approved (approved_at).
CREATE TABLE business_case_version (
    id                 BIGSERIAL PRIMARY KEY,
    initiative_id      BIGINT       NOT NULL REFERENCES initiative (id),
    number             INT          NOT NULL,
    start_month        DATE         NOT NULL,
    horizon_years      INT          NOT NULL CHECK (horizon_years BETWEEN 1 AND 20),
    planned_citizens   INT          NOT NULL CHECK (planned_citizens >= 0),
    discount_rate_bp   INT          NOT NULL CHECK (discount_rate_bp BETWEEN 0 AND 2000),
    note               TEXT         NOT NULL DEFAULT '',
    reconstructed      BOOLEAN      NOT NULL DEFAULT FALSE,
    saved_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    saved_by_user_id   BIGINT,
    saved_by_name      VARCHAR(254) NOT NULL,
    approved_at        TIMESTAMPTZ,
    approved_by_name   VARCHAR(254),
    UNIQUE (initiative_id, number)
);

-- at most one approved version per initiative
CREATE UNIQUE INDEX business_case_one_approved ON business_case_version (initiative_id) WHERE approved_at IS NOT NULL;

CREATE TABLE business_case_line (
    id               BIGSERIAL PRIMARY KEY,
    version_id       BIGINT       NOT NULL REFERENCES business_case_version (id),
    position         INT          NOT NULL,
    category         VARCHAR(20)  NOT NULL,
    sector           VARCHAR(20)  NOT NULL,
    effect           VARCHAR(20)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    start_month      DATE         NOT NULL,
    basis            VARCHAR(20)  NOT NULL,
    amount_ore       BIGINT       NOT NULL CHECK (amount_ore >= 0),
    duration_months  INT          CHECK (duration_months >= 1),
    assumption       TEXT         NOT NULL DEFAULT '',
    UNIQUE (version_id, position)
);
