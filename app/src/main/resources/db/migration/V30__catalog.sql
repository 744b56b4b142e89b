-- Case catalogue: cases with every saved version kept, five-parameter assessments, and stories.
-- The public catalogue reads a case's published version and published assessment; the search document is
-- built from the published version when it is published.

CREATE TABLE catalog_case (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id            BIGINT,
    latest_version           INT NOT NULL DEFAULT 0,
    published_version_id     BIGINT,
    published_assessment_id  BIGINT,
    published_at             TIMESTAMP WITH TIME ZONE,
    published_by_name        VARCHAR(200),
    evidence_level           VARCHAR(20) NOT NULL DEFAULT 'NOT_ASSESSED',
    search_document          TSVECTOR,
    search_text              TEXT,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT catalog_case_evidence_check CHECK (evidence_level IN ('NOT_ASSESSED', 'LOW', 'GOOD'))
);
CREATE INDEX catalog_case_initiative_idx ON catalog_case (initiative_id);
CREATE INDEX catalog_case_search_idx ON catalog_case USING gin (search_document);
CREATE INDEX catalog_case_search_trgm ON catalog_case USING gin (search_text gin_trgm_ops);

CREATE TABLE catalog_case_version (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id            BIGINT NOT NULL REFERENCES catalog_case (id) ON DELETE CASCADE,
    version_no         INT NOT NULL,
    title              VARCHAR(200) NOT NULL,
    summary            VARCHAR(2000) NOT NULL DEFAULT '',
    region             VARCHAR(20),
    diseases           TEXT[] NOT NULL DEFAULT '{}',
    themes             TEXT[] NOT NULL DEFAULT '{}',
    sectors            TEXT[] NOT NULL DEFAULT '{}',
    target_group       TEXT NOT NULL DEFAULT '',
    purpose            TEXT NOT NULL DEFAULT '',
    social_inequality  TEXT NOT NULL DEFAULT '',
    technology         TEXT NOT NULL DEFAULT '',
    content            TEXT NOT NULL DEFAULT '',
    organisation       TEXT NOT NULL DEFAULT '',
    cross_sector       TEXT NOT NULL DEFAULT '',
    results            TEXT NOT NULL DEFAULT '',
    economy            TEXT NOT NULL DEFAULT '',
    implementation     TEXT NOT NULL DEFAULT '',
    context            TEXT NOT NULL DEFAULT '',
    spread             TEXT NOT NULL DEFAULT '',
    cost_ore           BIGINT,
    funding_ore        BIGINT,
    saving_ore         BIGINT,
    saved_by_user_id   BIGINT,
    saved_by_name      VARCHAR(200) NOT NULL,
    saved_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT catalog_case_version_unique UNIQUE (case_id, version_no),
    CONSTRAINT catalog_case_version_money_check CHECK (coalesce(cost_ore, 0) >= 0 AND coalesce(funding_ore, 0) >= 0
        AND coalesce(saving_ore, 0) >= 0)
);

-- Involved organisations of a version: linked to a Tværs organisation where one has the name, free text otherwise.
CREATE TABLE catalog_case_actor (
    version_id       BIGINT NOT NULL REFERENCES catalog_case_version (id) ON DELETE CASCADE,
    position         INT NOT NULL,
    name             VARCHAR(200) NOT NULL,
    organisation_id  BIGINT REFERENCES organisation (id),
    PRIMARY KEY (version_id, position)
);

CREATE TABLE catalog_assessment (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id                BIGINT NOT NULL REFERENCES catalog_case (id) ON DELETE CASCADE,
    theory_score           SMALLINT NOT NULL CHECK (theory_score BETWEEN 1 AND 4),
    theory_note            VARCHAR(2000) NOT NULL,
    effect_score           SMALLINT NOT NULL CHECK (effect_score BETWEEN 1 AND 4),
    effect_note            VARCHAR(2000) NOT NULL,
    description_score      SMALLINT NOT NULL CHECK (description_score BETWEEN 1 AND 4),
    description_note       VARCHAR(2000) NOT NULL,
    goals_score            SMALLINT NOT NULL CHECK (goals_score BETWEEN 1 AND 4),
    goals_note             VARCHAR(2000) NOT NULL,
    transferability_score  SMALLINT NOT NULL CHECK (transferability_score BETWEEN 1 AND 4),
    transferability_note   VARCHAR(2000) NOT NULL,
    assessor_user_id       BIGINT,
    assessor_name          VARCHAR(200) NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX catalog_assessment_case_idx ON catalog_assessment (case_id, created_at);

ALTER TABLE catalog_case ADD CONSTRAINT catalog_case_published_version_fk
    FOREIGN KEY (published_version_id) REFERENCES catalog_case_version (id);
ALTER TABLE catalog_case ADD CONSTRAINT catalog_case_published_assessment_fk
    FOREIGN KEY (published_assessment_id) REFERENCES catalog_assessment (id);

-- Stories (historiekatalog): short plain-language articles, public once written.
CREATE TABLE catalog_story (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title           VARCHAR(200) NOT NULL,
    lead            VARCHAR(1000) NOT NULL,
    body            TEXT NOT NULL,
    case_id         BIGINT REFERENCES catalog_case (id) ON DELETE SET NULL,
    initiative_id   BIGINT,
    author_name     VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    search_document TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', lead), 'B')
        || to_tsvector('danish', body)) STORED
);
CREATE INDEX catalog_story_search_idx ON catalog_story USING gin (search_document);
