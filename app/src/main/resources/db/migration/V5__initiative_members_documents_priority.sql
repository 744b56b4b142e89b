-- Initiatives get members (organisations and people, each with a role), documents (stored in PostgreSQL as bytea,
-- like the ideas' attachments, ADR 0009) and, for laboratories, the steering group's priority with its history.

CREATE TABLE initiative_member (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id   BIGINT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    organisation_id BIGINT REFERENCES organisation (id),
    user_id         BIGINT REFERENCES user_account (id),
    role            VARCHAR(20) NOT NULL,
    added_by_name   VARCHAR(200) NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT initiative_member_who_check CHECK ((organisation_id IS NULL) <> (user_id IS NULL)),
    CONSTRAINT initiative_member_role_check CHECK (role IN ('PROJECT_LEAD', 'PARTICIPANT', 'CONTACT'))
);
CREATE UNIQUE INDEX initiative_member_organisation_unique ON initiative_member (initiative_id, organisation_id)
    WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX initiative_member_user_unique ON initiative_member (initiative_id, user_id)
    WHERE user_id IS NOT NULL;

CREATE TABLE initiative_document (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id     BIGINT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    filename          VARCHAR(200) NOT NULL,
    content_type      VARCHAR(100) NOT NULL,
    size_bytes        BIGINT NOT NULL,
    content           BYTEA NOT NULL,
    uploaded_by_name  VARCHAR(200) NOT NULL,
    uploaded_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX initiative_document_idx ON initiative_document (initiative_id, uploaded_at);

CREATE TABLE laboratory_priority (
    initiative_id BIGINT PRIMARY KEY REFERENCES initiative (id) ON DELETE CASCADE,
    rank          INT NOT NULL CHECK (rank >= 1)
);

CREATE TABLE laboratory_priority_change (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id BIGINT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    from_rank     INT,
    to_rank       INT NOT NULL,
    note          VARCHAR(2000),
    by_name       VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX laboratory_priority_change_idx ON laboratory_priority_change (initiative_id, changed_at);
