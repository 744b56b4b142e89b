-- Challenges posed by a Task Force (innovation questions, wicked problems, experiments) and their calls.

CREATE TABLE challenge (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           VARCHAR(30) NOT NULL,
    title          VARCHAR(200) NOT NULL,
    vision         VARCHAR(4000) NOT NULL DEFAULT '',
    description    VARCHAR(8000) NOT NULL,
    question       VARCHAR(500) NOT NULL DEFAULT '',
    region         VARCHAR(40) NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    published_by   VARCHAR(200) NOT NULL,
    CONSTRAINT challenge_kind_check CHECK (kind IN ('INNOVATION_QUESTION', 'WICKED_PROBLEM', 'EXPERIMENT'))
);

-- A call for applications; a call that closed without applicants can be opened again (a new round).
CREATE TABLE challenge_call (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    challenge_id BIGINT NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    round        INT NOT NULL,
    pool_id      BIGINT REFERENCES funding_pool (id),
    opens_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    deadline     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT challenge_call_round_unique UNIQUE (challenge_id, round)
);
