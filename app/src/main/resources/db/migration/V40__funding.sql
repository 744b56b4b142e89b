-- Funding: pools, grants, tranches with progress reports, and an append-only ledger in øre.

-- Finance marks released tranches paid: a role of its own, so that release and payment are two roles.
ALTER TABLE user_role DROP CONSTRAINT user_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_check CHECK (role IN ('CITIZEN', 'STAFF', 'INNOVATION_CONSULTANT',
    'TASK_FORCE', 'ANALYST', 'ADMINISTRATOR', 'FINANCE'));

CREATE TABLE funding_pool (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    region      VARCHAR(40) NOT NULL,
    amount_ore  BIGINT NOT NULL,
    first_year  INT NOT NULL,
    last_year   INT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT funding_pool_amount_check CHECK (amount_ore > 0),
    CONSTRAINT funding_pool_years_check CHECK (last_year >= first_year AND first_year BETWEEN 2000 AND 2100)
);
CREATE UNIQUE INDEX funding_pool_name_unique ON funding_pool (lower(name));

-- "grant" is an SQL keyword, hence grant_award
CREATE TABLE grant_award (
    id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pool_id                   BIGINT NOT NULL REFERENCES funding_pool (id),
    title                     VARCHAR(200) NOT NULL,
    recipient_organisation_id BIGINT REFERENCES organisation (id),
    initiative_id             BIGINT,
    applied_ore               BIGINT NOT NULL,
    amount_ore                BIGINT NOT NULL,
    reason                    VARCHAR(2000),
    decided_at                TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    decided_by_name           VARCHAR(200) NOT NULL,
    CONSTRAINT grant_award_amount_check CHECK (amount_ore > 0 AND amount_ore <= applied_ore)
);
CREATE INDEX grant_award_pool_idx ON grant_award (pool_id);

CREATE TABLE tranche (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grant_id    BIGINT NOT NULL REFERENCES grant_award (id),
    number      INT NOT NULL,
    amount_ore  BIGINT NOT NULL,
    report_due  DATE NOT NULL,
    status      VARCHAR(20) NOT NULL DEFAULT 'PLANNED',
    released_by_user_id BIGINT,
    released_by_name    VARCHAR(200),
    released_at         TIMESTAMP WITH TIME ZONE,
    paid_by_user_id     BIGINT,
    paid_by_name        VARCHAR(200),
    paid_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT tranche_amount_check CHECK (amount_ore > 0),
    CONSTRAINT tranche_status_check CHECK (status IN ('PLANNED', 'REPORTED', 'RELEASED', 'PAID')),
    CONSTRAINT tranche_number_unique UNIQUE (grant_id, number)
);

CREATE TABLE progress_report (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tranche_id        BIGINT NOT NULL REFERENCES tranche (id),
    body              VARCHAR(8000) NOT NULL,
    submitted_by_name VARCHAR(200) NOT NULL,
    submitted_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    decision          VARCHAR(20),
    decision_note     VARCHAR(2000),
    decided_by_name   VARCHAR(200),
    decided_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT progress_report_decision_check CHECK (decision IS NULL OR decision IN ('APPROVED', 'RETURNED'))
);
CREATE INDEX progress_report_tranche_idx ON progress_report (tranche_id, submitted_at);

-- The ledger: what was granted and paid, entry by entry. A correction is a reversing entry, never an edit.
CREATE TABLE ledger_entry (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pool_id           BIGINT NOT NULL REFERENCES funding_pool (id),
    grant_id          BIGINT REFERENCES grant_award (id),
    tranche_id        BIGINT REFERENCES tranche (id),
    kind              VARCHAR(20) NOT NULL,
    amount_ore        BIGINT NOT NULL,
    reverses_entry_id BIGINT UNIQUE REFERENCES ledger_entry (id),
    note              VARCHAR(2000),
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    recorded_by_name  VARCHAR(200) NOT NULL,
    CONSTRAINT ledger_entry_kind_check CHECK (kind IN ('GRANTED', 'PAID')),
    CONSTRAINT ledger_entry_sign_check CHECK ((reverses_entry_id IS NULL AND amount_ore > 0)
        OR (reverses_entry_id IS NOT NULL AND amount_ore < 0))
);
CREATE INDEX ledger_entry_pool_idx ON ledger_entry (pool_id, kind);

CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: correct with a reversing entry';
END;
$$;
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_is_append_only();
