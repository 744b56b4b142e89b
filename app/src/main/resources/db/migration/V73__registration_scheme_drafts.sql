-- Registration schemes defined by the initiative's analysts and consultants (issue 14, ADR 0044): a version starts as
-- a draft its definers may change and is fixed once published; courses, files and the API register only under
-- published versions. The versions there are were all registered under: they are published.
ALTER TABLE registration_scheme ADD COLUMN published_at timestamptz;
ALTER TABLE registration_scheme ADD COLUMN published_by text;
UPDATE registration_scheme SET published_at = created_at, published_by = created_by;

-- A published version never changes: neither the scheme's row (nor back to a draft) nor its time points, units and
-- indicators. Figures and registrations name the version they were made under, so they keep their meaning.
CREATE FUNCTION registration_scheme_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    scheme bigint;
BEGIN
    IF TG_TABLE_NAME = 'registration_scheme' THEN
        IF OLD.published_at IS NOT NULL THEN
            RAISE EXCEPTION 'registration scheme % v% is published and cannot change', OLD.code, OLD.version
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    scheme := CASE WHEN TG_OP = 'INSERT' THEN NEW.scheme_id ELSE OLD.scheme_id END;
    IF EXISTS (SELECT 1 FROM registration_scheme s WHERE s.id = scheme AND s.published_at IS NOT NULL)
       OR (TG_OP = 'UPDATE' AND NEW.scheme_id <> OLD.scheme_id AND EXISTS (
           SELECT 1 FROM registration_scheme s WHERE s.id = NEW.scheme_id AND s.published_at IS NOT NULL)) THEN
        RAISE EXCEPTION 'registration scheme % is published: its definition cannot change', scheme
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER registration_scheme_fixed BEFORE UPDATE OR DELETE ON registration_scheme
    FOR EACH ROW EXECUTE FUNCTION registration_scheme_fixed();
CREATE TRIGGER registration_time_point_fixed BEFORE INSERT OR UPDATE OR DELETE ON registration_time_point
    FOR EACH ROW EXECUTE FUNCTION registration_scheme_fixed();
CREATE TRIGGER registration_unit_fixed BEFORE INSERT OR UPDATE OR DELETE ON registration_unit
    FOR EACH ROW EXECUTE FUNCTION registration_scheme_fixed();
CREATE TRIGGER registration_indicator_fixed BEFORE INSERT OR UPDATE OR DELETE ON registration_indicator
    FOR EACH ROW EXECUTE FUNCTION registration_scheme_fixed();
