-- A registration names an existing course, checked once per statement instead of once per row (issue 14, ADR 0047).
-- The foreign key registration_value → registration_course ran PostgreSQL's key-check trigger for every inserted
-- value: half the time of inserting a million values of an import (bench/README.md). The same rule now holds by two
-- triggers: every statement that inserts or updates values checks the course ids it wrote at once (one anti-join of
-- its transition table against the courses), and a course is never deleted nor renumbered, so a course a value names
-- cannot disappear afterwards (which the key's row lock guarded against before).

ALTER TABLE registration_value DROP CONSTRAINT registration_value_course_id_fkey;

CREATE FUNCTION registration_value_course_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing bigint;
BEGIN
    SELECT w.course_id INTO missing
    FROM (SELECT DISTINCT n.course_id FROM written n) w
    WHERE NOT EXISTS (SELECT 1 FROM registration_course c WHERE c.id = w.course_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'registration_value names course %, which does not exist', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER registration_value_course_inserted AFTER INSERT ON registration_value
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION registration_value_course_exists();
CREATE TRIGGER registration_value_course_updated AFTER UPDATE ON registration_value
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION registration_value_course_exists();

CREATE FUNCTION registration_course_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'registration course % is kept: courses are neither deleted nor renumbered', OLD.id
        USING ERRCODE = 'foreign_key_violation';
END
$$;

CREATE TRIGGER registration_course_kept BEFORE DELETE OR UPDATE OF id ON registration_course
    FOR EACH ROW EXECUTE FUNCTION registration_course_kept();

