-- Spread: an organisation records that it has taken up a published catalogue case (issue 15). One row per case and
-- organisation; its status moves planned → running → stopped. Only the organisation's own staff change it.

CREATE TABLE catalog_adoption (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id         BIGINT NOT NULL REFERENCES catalog_case (id),
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    started_on      DATE NOT NULL,
    changes         VARCHAR(4000) NOT NULL DEFAULT '',
    contact         VARCHAR(200) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    recorded_by_name VARCHAR(200) NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT catalog_adoption_status_check CHECK (status IN ('PLANNED', 'RUNNING', 'STOPPED')),
    CONSTRAINT catalog_adoption_unique UNIQUE (case_id, organisation_id)
);
CREATE INDEX catalog_adoption_organisation_idx ON catalog_adoption (organisation_id);
CREATE INDEX catalog_adoption_started_idx ON catalog_adoption (started_on);
