-- Consortia, applications to calls (every submitted version kept), reviews and the Task Force's decisions.

CREATE TABLE consortium (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    lead_organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    created_by_name      VARCHAR(200) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- the lead organisation is a member too
CREATE TABLE consortium_member (
    consortium_id   BIGINT NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (consortium_id, organisation_id)
);
CREATE INDEX consortium_member_organisation_idx ON consortium_member (organisation_id);

-- the people who write the application and receive the decision letter
CREATE TABLE consortium_contact (
    consortium_id BIGINT NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,
    user_id       BIGINT NOT NULL REFERENCES user_account (id),
    PRIMARY KEY (consortium_id, user_id)
);
CREATE INDEX consortium_contact_user_idx ON consortium_contact (user_id);

-- innovation consultants assigned to help: they see the consortium's drafts
CREATE TABLE consortium_consultant (
    consortium_id BIGINT NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,
    user_id       BIGINT NOT NULL REFERENCES user_account (id),
    PRIMARY KEY (consortium_id, user_id)
);

CREATE TABLE application (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consortium_id     BIGINT NOT NULL REFERENCES consortium (id),
    challenge_id      BIGINT NOT NULL REFERENCES challenge (id),
    call_id           BIGINT NOT NULL REFERENCES challenge_call (id),
    status            VARCHAR(20) NOT NULL DEFAULT 'DRAFT',
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    first_submitted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT application_status_check CHECK (status IN ('DRAFT', 'SUBMITTED', 'DECIDED'))
);
CREATE INDEX application_call_idx ON application (call_id, status);
CREATE INDEX application_consortium_idx ON application (consortium_id);

-- Version 1 is the draft until it is submitted; a submitted version is frozen (see the trigger below) and a
-- later change is a new version.
CREATE TABLE application_version (
    application_id   BIGINT NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    version          INT NOT NULL,
    title            VARCHAR(200) NOT NULL,
    summary          VARCHAR(8000) NOT NULL DEFAULT '',
    effect_economy   VARCHAR(4000) NOT NULL DEFAULT '',
    effect_health    VARCHAR(4000) NOT NULL DEFAULT '',
    effect_citizens  VARCHAR(4000) NOT NULL DEFAULT '',
    innovation_type  VARCHAR(30),
    saved_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    saved_by_name    VARCHAR(200) NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (application_id, version)
);

CREATE TABLE application_budget_line (
    application_id  BIGINT NOT NULL,
    version         INT NOT NULL,
    line            INT NOT NULL,
    year            INT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    amount_ore      BIGINT NOT NULL,
    PRIMARY KEY (application_id, version, line),
    FOREIGN KEY (application_id, version) REFERENCES application_version (application_id, version) ON DELETE CASCADE,
    CONSTRAINT application_budget_amount_check CHECK (amount_ore > 0),
    CONSTRAINT application_budget_year_check CHECK (year BETWEEN 2000 AND 2100)
);

CREATE TABLE application_trial_action (
    application_id BIGINT NOT NULL,
    version        INT NOT NULL,
    line           INT NOT NULL,
    hypothesis     VARCHAR(500) NOT NULL,
    PRIMARY KEY (application_id, version, line),
    FOREIGN KEY (application_id, version) REFERENCES application_version (application_id, version) ON DELETE CASCADE
);

-- Attachments as ideas keep them (ADR 0009): in PostgreSQL, type judged from the content. Each version lists
-- its own; a new version carries the previous version's attachments over.
CREATE TABLE application_attachment (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id BIGINT NOT NULL,
    version        INT NOT NULL,
    filename       VARCHAR(200) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT NOT NULL,
    content        BYTEA NOT NULL,
    FOREIGN KEY (application_id, version) REFERENCES application_version (application_id, version) ON DELETE CASCADE
);
CREATE INDEX application_attachment_version_idx ON application_attachment (application_id, version);

-- A submitted version is frozen: the database refuses to change it, its budget, trial actions or attachments.
CREATE FUNCTION application_version_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.submitted_at IS NOT NULL THEN
        RAISE EXCEPTION 'application % version % is submitted and frozen', OLD.application_id, OLD.version;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER application_version_frozen BEFORE UPDATE OR DELETE ON application_version
    FOR EACH ROW EXECUTE FUNCTION application_version_is_frozen();

CREATE FUNCTION application_part_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM application_version v WHERE v.application_id = OLD.application_id
               AND v.version = OLD.version AND v.submitted_at IS NOT NULL) THEN
        RAISE EXCEPTION 'application % version % is submitted and frozen', OLD.application_id, OLD.version;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER application_budget_frozen BEFORE UPDATE OR DELETE ON application_budget_line
    FOR EACH ROW EXECUTE FUNCTION application_part_is_frozen();
CREATE TRIGGER application_trial_action_frozen BEFORE UPDATE OR DELETE ON application_trial_action
    FOR EACH ROW EXECUTE FUNCTION application_part_is_frozen();
CREATE TRIGGER application_attachment_frozen BEFORE UPDATE OR DELETE ON application_attachment
    FOR EACH ROW EXECUTE FUNCTION application_part_is_frozen();

-- Reviewers are assigned per call by the Task Force.
CREATE TABLE call_reviewer (
    call_id          BIGINT NOT NULL REFERENCES challenge_call (id),
    user_id          BIGINT NOT NULL REFERENCES user_account (id),
    assigned_by_name VARCHAR(200) NOT NULL,
    assigned_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (call_id, user_id)
);
CREATE INDEX call_reviewer_user_idx ON call_reviewer (user_id);

CREATE TABLE application_review (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id   BIGINT NOT NULL REFERENCES application (id),
    version          INT NOT NULL,
    reviewer_user_id BIGINT NOT NULL REFERENCES user_account (id),
    reviewer_name    VARCHAR(200) NOT NULL,
    recommendation   VARCHAR(20) NOT NULL,
    comment          VARCHAR(4000) NOT NULL DEFAULT '',
    reviewed_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT application_review_unique UNIQUE (application_id, reviewer_user_id),
    CONSTRAINT application_review_recommendation_check CHECK (recommendation IN ('FULL', 'REDUCED', 'REJECT'))
);

CREATE TABLE application_review_score (
    review_id BIGINT NOT NULL REFERENCES application_review (id) ON DELETE CASCADE,
    criterion VARCHAR(30) NOT NULL,
    score     INT NOT NULL,
    comment   VARCHAR(2000) NOT NULL DEFAULT '',
    PRIMARY KEY (review_id, criterion),
    CONSTRAINT application_review_score_check CHECK (score BETWEEN 1 AND 5)
);

-- The Task Force's decision, one per application, with the decision letter as it was sent.
CREATE TABLE application_decision (
    application_id  BIGINT PRIMARY KEY REFERENCES application (id),
    version         INT NOT NULL,
    outcome         VARCHAR(20) NOT NULL,
    applied_ore     BIGINT NOT NULL,
    granted_ore     BIGINT,
    reason          VARCHAR(2000),
    grant_id        BIGINT REFERENCES grant_award (id),
    initiative_id   BIGINT REFERENCES initiative (id),
    letter_pdf      BYTEA NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    decided_by_name VARCHAR(200) NOT NULL,
    CONSTRAINT application_decision_outcome_check CHECK (outcome IN ('FULL', 'REDUCED', 'REJECTED'))
);
