-- Wicked problems: collected from staff and organisations, scored by Task Force members, and perhaps published
-- as a challenge of kind WICKED_PROBLEM (the link is kept). User ids are kept without a foreign key, as elsewhere.

CREATE TABLE wicked_problem (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title                VARCHAR(200) NOT NULL,
    description          VARCHAR(8000) NOT NULL,
    affected             VARCHAR(2000) NOT NULL,
    sectors              VARCHAR(40)[] NOT NULL,
    region               VARCHAR(40) NOT NULL,
    submitted_by_user_id BIGINT NOT NULL,
    submitted_by_name    VARCHAR(200) NOT NULL,
    organisation_name    VARCHAR(200),
    submitted_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    challenge_id         BIGINT UNIQUE REFERENCES challenge (id),
    CONSTRAINT wicked_problem_sectors_check CHECK (cardinality(sectors) > 0)
);
CREATE INDEX wicked_problem_submitter_idx ON wicked_problem (submitted_by_user_id);

-- One score per Task Force member and problem (changed in place), 1-5 on each criterion, with a comment.
CREATE TABLE wicked_problem_score (
    wicked_problem_id BIGINT NOT NULL REFERENCES wicked_problem (id) ON DELETE CASCADE,
    scorer_user_id    BIGINT NOT NULL,
    scorer_name       VARCHAR(200) NOT NULL,
    size_score        INT NOT NULL,
    reach_score       INT NOT NULL,
    urgency_score     INT NOT NULL,
    comment           VARCHAR(2000) NOT NULL DEFAULT '',
    scored_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (wicked_problem_id, scorer_user_id),
    CONSTRAINT wicked_problem_score_range CHECK (size_score BETWEEN 1 AND 5 AND reach_score BETWEEN 1 AND 5
        AND urgency_score BETWEEN 1 AND 5)
);
