-- Where an idea comes from (issue 15, ADR 0040): a citizen (a signed-in citizen, a visitor without an account, or a
-- citizen helped by staff), staff of a member organisation of the health-care triangle (region, municipality,
-- general practice), or a partner (staff of a private company, a knowledge institution or a patient organisation).
-- Stored when the idea is submitted; UNKNOWN where it cannot be told.
ALTER TABLE idea ADD COLUMN source VARCHAR(20) NOT NULL DEFAULT 'UNKNOWN'
    CONSTRAINT idea_source_check CHECK (source IN ('CITIZEN', 'STAFF', 'PARTNER', 'UNKNOWN'));

-- Existing ideas, from what the rows say: submitted without an account or assisted by staff for a citizen is a
-- citizen's idea; a signed-in submitter is told by the organisation (and roles) their account has now. An account
-- deleted since (anonymised: no organisation, no roles) or one with neither organisation nor the citizen role stays
-- UNKNOWN, and the pages say so.
CREATE FUNCTION idea_source_of(submitter BIGINT, assisted_by BIGINT) RETURNS VARCHAR(20) LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN assisted_by IS NOT NULL OR submitter IS NULL THEN 'CITIZEN'
        ELSE coalesce(
            (SELECT CASE WHEN o.sector IN ('REGION', 'MUNICIPALITY', 'GENERAL_PRACTICE') THEN 'STAFF' ELSE 'PARTNER' END
             FROM user_account u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = submitter),
            (SELECT 'CITIZEN' FROM user_role r WHERE r.user_account = submitter AND r.role = 'CITIZEN'),
            'UNKNOWN')
    END;
$$;

UPDATE idea SET source = idea_source_of(submitter_user_id, assisted_by_user_id);
