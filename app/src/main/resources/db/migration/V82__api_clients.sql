-- Machine-to-machine clients of the API (issue 15, ADR 0039): each belongs to an organisation, holds scopes and a
-- secret kept only as a hash (bcrypt, with its algorithm prefix); a revoked client gets no token and its tokens stop
-- working at once.
CREATE TABLE api_client (
    id                bigserial PRIMARY KEY,
    client_id         text NOT NULL UNIQUE CHECK (client_id ~ '^[a-z0-9-]{8,64}$'),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    organisation_id   bigint NOT NULL REFERENCES organisation (id),
    secret_hash       text NOT NULL,
    scopes            text[] NOT NULL CHECK (cardinality(scopes) >= 1),
    created_at        timestamptz NOT NULL DEFAULT now(),
    secret_changed_at timestamptz NOT NULL DEFAULT now(),
    revoked_at        timestamptz
);
CREATE INDEX api_client_organisation ON api_client (organisation_id);

-- The key that signs the API's access tokens: one row, made at the first start, shared by every instance on the
-- database (ADR 0023) so that a token from one node is valid on the other.
CREATE TABLE api_signing_key (
    key_id      text PRIMARY KEY,
    private_key bytea NOT NULL,
    public_key  bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
