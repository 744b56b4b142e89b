-- The benchmark's counts kept up to date on write (issue 14, ADR 0038): each course contributes, per measure, one
-- count to a group of the tally; every write of courses or values takes the old contribution of the courses it
-- touches off and adds the new one, in the write's own transaction, so the tally cannot drift from the rows.
--
-- measure 'F:<indicator>': the indicator's fulfilment at its rule's time point, period = 1 January of the course's
--   start year, x = the value (MEDIAN) or the change from start to end (MEDIAN_CHANGE), else 0 (shares); n courses
--   with a final value, k of them meeting the rule (shares). Medians are read from these counts (a histogram).
-- measure 'C:<time point>': completeness, period = the course's start date (whether the time point is due is
--   decided when the page is read), n courses, k of them with every required value final at the time point.

CREATE TABLE registration_tally (
    scheme_id bigint  NOT NULL REFERENCES registration_scheme (id),
    unit_id   bigint  NOT NULL,
    period    date    NOT NULL,
    measure   text    NOT NULL,
    x         numeric NOT NULL,
    n         bigint  NOT NULL CHECK (n >= 0),
    k         bigint  NOT NULL CHECK (k >= 0 AND k <= n),
    PRIMARY KEY (scheme_id, measure, unit_id, period, x)
);

-- What the given courses contribute, grouped as the tally is: the one definition the writes and a fresh
-- computation share.
CREATE FUNCTION registration_contributions(courses bigint[])
RETURNS TABLE (scheme_id bigint, unit_id bigint, period date, measure text, x numeric, n bigint, k bigint)
LANGUAGE sql STABLE AS $$
    WITH c AS (
        SELECT rc.id, rc.scheme_id, rc.unit_id, rc.start_date
        FROM (SELECT DISTINCT a.id FROM unnest(courses) AS a(id)) a
        JOIN registration_course rc ON rc.id = a.id
    ),
    at_rule AS (
        SELECT c.scheme_id, c.unit_id, date_trunc('year', c.start_date)::date AS period, 'F:' || i.code AS measure,
               CASE WHEN i.rule = 'MEDIAN' THEN v.value_num ELSE 0 END AS x,
               CASE i.rule WHEN 'SHARE_YES' THEN coalesce(v.value_num = 1, false)
                           WHEN 'SHARE_AT_LEAST' THEN coalesce(v.value_num >= coalesce(i.threshold, 0), false)
                           ELSE false END AS ok
        FROM c
        JOIN registration_indicator i ON i.scheme_id = c.scheme_id
             AND i.rule IN ('SHARE_YES', 'SHARE_AT_LEAST', 'MEDIAN')
        JOIN registration_value v ON v.course_id = c.id AND v.indicator = i.code AND NOT v.draft
             AND v.time_point = coalesce(i.rule_time_point, split_part(i.time_points, ',', 1))
        WHERE i.rule <> 'MEDIAN' OR v.value_num IS NOT NULL
    ),
    change AS (
        SELECT c.scheme_id, c.unit_id, date_trunc('year', c.start_date)::date, 'F:' || i.code,
               e.value_num - s.value_num, false
        FROM c
        JOIN registration_indicator i ON i.scheme_id = c.scheme_id AND i.rule = 'MEDIAN_CHANGE'
        JOIN registration_value s ON s.course_id = c.id AND s.indicator = i.code AND s.time_point = 'START'
             AND NOT s.draft
        JOIN registration_value e ON e.course_id = c.id AND e.indicator = i.code AND e.time_point = 'END'
             AND NOT e.draft
        WHERE s.value_num IS NOT NULL AND e.value_num IS NOT NULL
    ),
    required AS (
        SELECT i.scheme_id, t.time_point, i.code
        FROM registration_indicator i
        JOIN registration_time_point t ON t.scheme_id = i.scheme_id
             AND t.time_point = ANY (string_to_array(i.time_points, ','))
        WHERE i.required AND i.scheme_id IN (SELECT DISTINCT c.scheme_id FROM c)
    ),
    due AS (
        SELECT scheme_id, time_point, count(*) AS required FROM required GROUP BY scheme_id, time_point
    ),
    -- per course and time point by its own index lookups (a correlated count), so the work grows with the courses
    -- written, whatever the planner guesses of the array's length
    complete AS (
        SELECT c.scheme_id, c.unit_id, c.start_date, 'C:' || d.time_point, 0::numeric,
               (SELECT count(*) FROM registration_value v
                WHERE v.course_id = c.id AND v.time_point = d.time_point AND NOT v.draft
                  AND v.indicator IN (SELECT r.code FROM required r
                                      WHERE r.scheme_id = c.scheme_id AND r.time_point = d.time_point))
               = d.required
        FROM c
        JOIN due d ON d.scheme_id = c.scheme_id
    ),
    everything (scheme_id, unit_id, period, measure, x, ok) AS (
        SELECT * FROM at_rule UNION ALL SELECT * FROM change UNION ALL SELECT * FROM complete
    )
    SELECT scheme_id, unit_id, period, measure, x, count(*), count(*) FILTER (WHERE ok)
    FROM everything
    GROUP BY scheme_id, unit_id, period, measure, x
$$;

-- Adds (sign 1) or takes off (sign -1) what the given courses contribute now. The writer has locked the courses.
-- Added rows are changed in key order (fewer deadlocks between writers); groups that reach zero are removed; taking
-- off what was never added raises an error instead of drifting.
CREATE FUNCTION registration_tally_apply(courses bigint[], sign int)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    expected bigint;
    changed bigint;
BEGIN
    IF sign = 1 THEN
        INSERT INTO registration_tally AS t (scheme_id, unit_id, period, measure, x, n, k)
        SELECT c.scheme_id, c.unit_id, c.period, c.measure, c.x, c.n, c.k
        FROM registration_contributions(courses) c
        ORDER BY c.scheme_id, c.measure, c.unit_id, c.period, c.x
        ON CONFLICT (scheme_id, measure, unit_id, period, x)
        DO UPDATE SET n = t.n + excluded.n, k = t.k + excluded.k;
    ELSIF sign = -1 THEN
        WITH c AS (SELECT * FROM registration_contributions(courses)),
             u AS (UPDATE registration_tally t SET n = t.n - c.n, k = t.k - c.k FROM c
                   WHERE t.scheme_id = c.scheme_id AND t.measure = c.measure AND t.unit_id = c.unit_id
                     AND t.period = c.period AND t.x = c.x
                   RETURNING 1)
        SELECT (SELECT count(*) FROM c), (SELECT count(*) FROM u) INTO expected, changed;
        IF expected <> changed THEN
            RAISE EXCEPTION 'registration_tally: % groups to take off, % found', expected, changed;
        END IF;
        DELETE FROM registration_tally
        WHERE n = 0 AND scheme_id IN (SELECT DISTINCT rc.scheme_id FROM unnest(courses) AS a(id)
                                      JOIN registration_course rc ON rc.id = a.id);
    ELSE
        RAISE EXCEPTION 'registration_tally: sign must be 1 or -1, not %', sign;
    END IF;
END
$$;

CREATE INDEX registration_tally_empty ON registration_tally (scheme_id) WHERE n = 0;

-- the registrations already there
SELECT registration_tally_apply(ARRAY(SELECT id FROM registration_course), 1);

-- the benchmark no longer keeps a copy per scheme: it reads the tally
ALTER TABLE registration_scheme DROP COLUMN data_generation;
