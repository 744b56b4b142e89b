-- What courses contribute to the benchmark's tally (ADR 0038, 0044), read in one pass over their values: V71 looked
-- each course's values up once per indicator and again per time point (about 13 index lookups per course), which
-- made the import's 100,000 courses a quarter of an import. Now every final value of the given courses is read once
-- (one index range per course) and fulfilment, change and completeness are grouped from that in memory.
--
-- Completeness is also counted per start month ('M:<time point>', period = the month's first day) beside the count
-- per start date ('C:<time point>'): the page sums the months before the due date's month and only that month's days
-- (a few rows per unit and month instead of one per unit and day; every view of the page read all of them).
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
        SELECT i.scheme_id, i.code, i.rule, i.threshold, i.required, string_to_array(i.time_points, ',') AS tps,
               coalesce(i.rule_time_point, split_part(i.time_points, ',', 1)) AS rule_tp
        FROM registration_indicator i
        WHERE i.scheme_id IN (SELECT DISTINCT c.scheme_id FROM c)
    ),
    -- every final value of the courses, once
    v AS MATERIALIZED (
        SELECT c.id, c.scheme_id, c.unit_id, c.start_date, rv.time_point, rv.indicator, rv.value_num
        FROM c JOIN registration_value rv ON rv.course_id = c.id
        WHERE NOT rv.draft
    ),
    at_rule AS (
        SELECT v.scheme_id, v.unit_id, date_trunc('year', v.start_date)::date AS period, 'F:' || i.code AS measure,
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
        SELECT v.scheme_id, v.unit_id, date_trunc('year', v.start_date)::date, 'F:' || i.code,
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
        SELECT i.scheme_id, t.time_point, i.code
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
    complete AS MATERIALIZED (
        SELECT c.scheme_id, c.unit_id, c.start_date, d.time_point, coalesce(done.done, 0) = d.required AS ok
        FROM c
        JOIN due d ON d.scheme_id = c.scheme_id
        LEFT JOIN done ON done.id = c.id AND done.time_point = d.time_point
    ),
    everything (scheme_id, unit_id, period, measure, x, ok) AS (
        SELECT * FROM at_rule
        UNION ALL SELECT * FROM change
        UNION ALL SELECT cp.scheme_id, cp.unit_id, cp.start_date, 'C:' || cp.time_point, 0::numeric, cp.ok
                  FROM complete cp
        UNION ALL SELECT cp.scheme_id, cp.unit_id, date_trunc('month', cp.start_date)::date, 'M:' || cp.time_point,
                         0::numeric, cp.ok
                  FROM complete cp
    )
    SELECT e.scheme_id, e.unit_id, e.period, e.measure, e.x, count(*), count(*) FILTER (WHERE e.ok)
    FROM everything e
    GROUP BY e.scheme_id, e.unit_id, e.period, e.measure, e.x
$$;

-- the page reads completeness by period within a measure
CREATE INDEX registration_tally_period ON registration_tally (scheme_id, measure, period);

-- the tally again from the rows (what a course contributes changed: the monthly counts)
DELETE FROM registration_tally;
SELECT registration_tally_apply(ARRAY(SELECT id FROM registration_course), 1);
