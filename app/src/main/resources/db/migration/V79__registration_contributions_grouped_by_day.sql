-- What courses contribute to the benchmark's tally, grouped twice (issue 14, ADR 0047): V72 built every row's period
-- (a date_trunc through a time zone) and measure text ('F:' || code) before grouping, and grouped completeness twice
-- (per day and per month) from the courses' rows: the tally was the second-largest part of an import of a million
-- lines. Now the rows are grouped first by the course's start date and the indicator or time point (a date and a
-- short code, compared byte-wise), and periods and measure texts are made from those groups, a few per unit and day.
-- The result is the same rows as V72's, so the tally is not rebuilt.
--
-- The tally's measures are codes: compared byte-wise (COLLATE "C"), so its writes sort and look them up without the
-- locale's rules; the page reads them by equality.
ALTER TABLE registration_tally ALTER COLUMN measure TYPE text COLLATE "C";

CREATE OR REPLACE FUNCTION registration_contributions(courses bigint[])
RETURNS TABLE (scheme_id bigint, unit_id bigint, period date, measure text, x numeric, n bigint, k bigint)
LANGUAGE sql STABLE AS $$
    WITH c AS MATERIALIZED (
        SELECT rc.id, rc.scheme_id, rc.unit_id, rc.start_date
        FROM (SELECT DISTINCT a.id FROM unnest(courses) AS a(id)) a
        JOIN registration_course rc ON rc.id = a.id
    ),
    -- the indicators of the courses' schemes, with the time point their rule reads
    ind AS MATERIALIZED (
        SELECT i.scheme_id, i.code COLLATE "C" AS code, i.rule, i.threshold, i.required,
               string_to_array(i.time_points, ',') AS tps,
               coalesce(i.rule_time_point, split_part(i.time_points, ',', 1)) COLLATE "C" AS rule_tp
        FROM registration_indicator i
        WHERE i.scheme_id IN (SELECT DISTINCT c.scheme_id FROM c)
    ),
    -- every final value of the courses, once
    v AS MATERIALIZED (
        SELECT c.id, c.scheme_id, c.unit_id, c.start_date, rv.time_point COLLATE "C" AS time_point,
               rv.indicator COLLATE "C" AS indicator, rv.value_num
        FROM c JOIN registration_value rv ON rv.course_id = c.id
        WHERE NOT rv.draft
    ),
    -- kind 'F': an indicator's fulfilment (what = its code); kind 'C': completeness (what = the time point)
    at_rule AS (
        SELECT v.scheme_id, v.unit_id, v.start_date AS day, 'F'::"char" AS kind, i.code AS what,
               CASE WHEN i.rule = 'MEDIAN' THEN v.value_num ELSE 0 END AS x,
               CASE i.rule WHEN 'SHARE_YES' THEN coalesce(v.value_num = 1, false)
                           WHEN 'SHARE_AT_LEAST' THEN coalesce(v.value_num >= coalesce(i.threshold, 0), false)
                           ELSE false END AS ok
        FROM v
        JOIN ind i ON i.scheme_id = v.scheme_id AND i.code = v.indicator AND i.rule_tp = v.time_point
             AND i.rule IN ('SHARE_YES', 'SHARE_AT_LEAST', 'MEDIAN')
        WHERE i.rule <> 'MEDIAN' OR v.value_num IS NOT NULL
    ),
    -- a course counts for a change when it has a number both at START and at END (a value is one row per course,
    -- time point and indicator)
    change AS (
        SELECT v.scheme_id, v.unit_id, v.start_date, 'F'::"char", i.code,
               max(v.value_num) FILTER (WHERE v.time_point = 'END')
                   - max(v.value_num) FILTER (WHERE v.time_point = 'START'),
               false
        FROM v
        JOIN ind i ON i.scheme_id = v.scheme_id AND i.code = v.indicator AND i.rule = 'MEDIAN_CHANGE'
        WHERE v.time_point IN ('START', 'END') AND v.value_num IS NOT NULL
        GROUP BY v.id, v.scheme_id, v.unit_id, v.start_date, i.code
        HAVING count(*) = 2
    ),
    required AS (
        SELECT i.scheme_id, t.time_point COLLATE "C" AS time_point, i.code
        FROM ind i
        JOIN registration_time_point t ON t.scheme_id = i.scheme_id AND t.time_point = ANY (i.tps)
        WHERE i.required
    ),
    due AS (
        SELECT r.scheme_id, r.time_point, count(*) AS required FROM required r GROUP BY r.scheme_id, r.time_point
    ),
    done AS (
        SELECT v.id, v.time_point, count(*) AS done
        FROM v JOIN required r ON r.scheme_id = v.scheme_id AND r.time_point = v.time_point AND r.code = v.indicator
        GROUP BY v.id, v.time_point
    ),
    complete AS (
        SELECT c.scheme_id, c.unit_id, c.start_date, 'C'::"char", d.time_point, 0::numeric,
               coalesce(done.done, 0) = d.required
        FROM c
        JOIN due d ON d.scheme_id = c.scheme_id
        LEFT JOIN done ON done.id = c.id AND done.time_point = d.time_point
    ),
    -- per unit, start date and what: a few groups per unit and day
    by_day AS MATERIALIZED (
        SELECT e.scheme_id, e.unit_id, e.day, e.kind, e.what, e.x, count(*) AS n, count(*) FILTER (WHERE e.ok) AS k
        FROM (SELECT * FROM at_rule UNION ALL SELECT * FROM change UNION ALL SELECT * FROM complete) e
        GROUP BY e.scheme_id, e.unit_id, e.day, e.kind, e.what, e.x
    )
    -- fulfilment per start year, completeness per start date and per start month
    SELECT d.scheme_id, d.unit_id, date_trunc('year', d.day)::date, 'F:' || d.what, d.x, sum(d.n)::bigint,
           sum(d.k)::bigint
    FROM by_day d WHERE d.kind = 'F'
    GROUP BY d.scheme_id, d.unit_id, date_trunc('year', d.day)::date, d.what, d.x
    UNION ALL
    SELECT d.scheme_id, d.unit_id, d.day, 'C:' || d.what, d.x, d.n, d.k
    FROM by_day d WHERE d.kind = 'C'
    UNION ALL
    SELECT d.scheme_id, d.unit_id, date_trunc('month', d.day)::date, 'M:' || d.what, d.x, sum(d.n)::bigint,
           sum(d.k)::bigint
    FROM by_day d WHERE d.kind = 'C'
    GROUP BY d.scheme_id, d.unit_id, date_trunc('month', d.day)::date, d.what, d.x
$$;

-- Adds (sign 1) or takes off (sign -1) what the given courses contribute now (as V71; added rows in the tally's key
-- order, compared byte-wise as its measure column now is).
CREATE OR REPLACE FUNCTION registration_tally_apply(courses bigint[], sign int)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    expected bigint;
    changed bigint;
BEGIN
    IF sign = 1 THEN
        INSERT INTO registration_tally AS t (scheme_id, unit_id, period, measure, x, n, k)
        SELECT c.scheme_id, c.unit_id, c.period, c.measure, c.x, c.n, c.k
        FROM registration_contributions(courses) c
        ORDER BY c.scheme_id, c.measure COLLATE "C", c.unit_id, c.period, c.x
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
