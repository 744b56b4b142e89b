-- Initiatives: projects, laboratories and practices, with their phase and its history.

CREATE TABLE initiative (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title                  VARCHAR(200) NOT NULL,
    summary                VARCHAR(4000) NOT NULL DEFAULT '',
    kind                   VARCHAR(20) NOT NULL,
    innovation_type        VARCHAR(20) NOT NULL,
    phase                  VARCHAR(20) NOT NULL DEFAULT 'NEW',
    owner_organisation_id  BIGINT REFERENCES organisation (id),
    source_idea_id         BIGINT,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version                INT NOT NULL DEFAULT 0,
    CONSTRAINT initiative_kind_check CHECK (kind IN ('PROJECT', 'LABORATORY', 'PRACTICE')),
    CONSTRAINT initiative_type_check CHECK (innovation_type IN ('EVERYDAY', 'RESEARCH_DRIVEN', 'BREAKTHROUGH')),
    CONSTRAINT initiative_phase_check CHECK (phase IN ('NEW', 'USEFUL', 'PUT_TO_USE'))
);
CREATE UNIQUE INDEX initiative_source_idea_unique ON initiative (source_idea_id);
CREATE INDEX initiative_title_trgm ON initiative USING gin (lower(title) gin_trgm_ops);

CREATE TABLE initiative_sector (
    initiative_id BIGINT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    sector        VARCHAR(40) NOT NULL,
    PRIMARY KEY (initiative_id, sector)
);

CREATE TABLE initiative_phase_change (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id BIGINT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    from_phase    VARCHAR(20),
    to_phase      VARCHAR(20) NOT NULL,
    note          VARCHAR(2000),
    by_user_id    BIGINT,
    by_name       VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX initiative_phase_change_idx ON initiative_phase_change (initiative_id, changed_at);
