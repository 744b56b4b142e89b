-- Trial actions (prøvehandlinger): small "what if" experiments of an initiative, each with a start, what was
-- observed, and a decision (keep, change or stop), with their history.

CREATE TABLE trial_action (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id BIGINT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    hypothesis    VARCHAR(500) NOT NULL,
    started_on    DATE NOT NULL,
    status        VARCHAR(20) NOT NULL DEFAULT 'RUNNING',
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT trial_action_status_check CHECK (status IN ('RUNNING', 'KEPT', 'CHANGED', 'STOPPED'))
);
CREATE INDEX trial_action_initiative_idx ON trial_action (initiative_id, started_on);

CREATE TABLE trial_action_decision (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trial_action_id BIGINT NOT NULL REFERENCES trial_action (id) ON DELETE CASCADE,
    observation     VARCHAR(4000) NOT NULL,
    decision        VARCHAR(20) NOT NULL,
    by_name         VARCHAR(200) NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT trial_action_decision_check CHECK (decision IN ('KEEP', 'CHANGE', 'STOP'))
);
CREATE INDEX trial_action_decision_idx ON trial_action_decision (trial_action_id, decided_at);
