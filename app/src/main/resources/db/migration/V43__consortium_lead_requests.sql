-- A consortium's lead is its creator's organisation; another organisation becomes lead (and so the grant's
-- recipient) only when one of its people confirms the request (ADR 0017). A request waits here until then.
CREATE TABLE consortium_lead_request (
    consortium_id        BIGINT PRIMARY KEY REFERENCES consortium (id),
    organisation_id      BIGINT NOT NULL REFERENCES organisation (id),
    requested_by_user_id BIGINT NOT NULL,
    requested_by_name    VARCHAR(200) NOT NULL,
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX consortium_lead_request_organisation_idx ON consortium_lead_request (organisation_id);
