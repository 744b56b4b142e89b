-- Accounts: organisations (each in a sector and a region), users with roles, password reset tokens,
-- and the append-only audit log of security-relevant events.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE organisation (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    sector     VARCHAR(40)  NOT NULL,
    region     VARCHAR(40)  NOT NULL,
    cvr        VARCHAR(8),
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version    INT NOT NULL DEFAULT 0,
    CONSTRAINT organisation_sector_check CHECK (sector IN ('REGION', 'MUNICIPALITY', 'GENERAL_PRACTICE',
        'PRIVATE_COMPANY', 'KNOWLEDGE_INSTITUTION', 'PATIENT_ORGANISATION')),
    CONSTRAINT organisation_region_check CHECK (region IN ('HOVEDSTADEN', 'SJAELLAND', 'SYDDANMARK',
        'MIDTJYLLAND', 'NORDJYLLAND', 'NATIONAL')),
    CONSTRAINT organisation_cvr_check CHECK (cvr IS NULL OR cvr ~ '^[0-9]{8}$')
);
CREATE UNIQUE INDEX organisation_name_unique ON organisation (lower(name));
CREATE INDEX organisation_name_trgm ON organisation USING gin (lower(name) gin_trgm_ops);

CREATE TABLE user_account (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             VARCHAR(254) NOT NULL,
    email                VARCHAR(254),
    display_name         VARCHAR(200) NOT NULL,
    password_hash        VARCHAR(200),
    organisation_id      BIGINT REFERENCES organisation (id),
    active               BOOLEAN NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    failed_logins        INT NOT NULL DEFAULT 0,
    locked_until         TIMESTAMP WITH TIME ZONE,
    oidc_issuer          VARCHAR(500),
    oidc_subject         VARCHAR(255),
    preferred_language   VARCHAR(5) NOT NULL DEFAULT 'da',
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    last_login_at        TIMESTAMP WITH TIME ZONE,
    version              INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX user_account_username_unique ON user_account (lower(username));
CREATE UNIQUE INDEX user_account_email_unique ON user_account (lower(email));
CREATE UNIQUE INDEX user_account_oidc_unique ON user_account (oidc_issuer, oidc_subject);
CREATE INDEX user_account_search_trgm ON user_account
    USING gin ((lower(display_name) || ' ' || lower(coalesce(email, username))) gin_trgm_ops);

CREATE TABLE user_role (
    user_account BIGINT NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role         VARCHAR(40) NOT NULL,
    PRIMARY KEY (user_account, role),
    CONSTRAINT user_role_check CHECK (role IN ('CITIZEN', 'STAFF', 'INNOVATION_CONSULTANT', 'TASK_FORCE',
        'ANALYST', 'ADMINISTRATOR'))
);

CREATE TABLE password_reset_token (
    token_hash  CHAR(64) PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE TABLE audit_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    kind        VARCHAR(40) NOT NULL,
    actor_id    BIGINT,
    actor       VARCHAR(254),
    subject     VARCHAR(500),
    details     VARCHAR(2000),
    remote_address VARCHAR(64)
);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_kind_idx ON audit_event (kind, occurred_at DESC);

-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
