-- The ideas' time in each stage per filter of the capacity page (issue 15, ADR 0045): the stage-day summary of V87
-- is keyed by every combination of year, region, innovation type, source and set of sectors, so with 100,000 ideas it
-- holds about one row per span (110,000) and the page summed them all on every view. This cube keeps, for every cell
-- the page can ask for, the histogram of whole days (days → spans): each of region, innovation type and source is
-- either the idea's own value or '*' (any), the sector is one of the idea's sectors or '*', and the year stays a key
-- of its own (the page asks for a range of years). An ended span counts in 8 × (1 + its idea's sectors) cells; a view
-- reads one cell: at most (years × days) rows through the key's index, whatever the filter.
--
-- Kept on write by row triggers on idea and idea_status_change, as V87 keeps its summaries (an item's old part taken
-- away, its new part added). This migration's number comes before V85–V87 (out-of-order numbering, ARCHITECTURE.md),
-- so on a new database it runs before idea.source and idea_status_change.left_at exist: nothing here names them
-- where PostgreSQL checks names when the object is created (PL/pgSQL bodies are checked when they run, and the
-- triggers test the changed columns in their function, not in a WHEN clause). Until left_at exists the triggers do
-- nothing (there are no spans to keep yet), and the backfill below runs only where it does.

CREATE TABLE idea_stage_cube (
    year            INT,
    region          VARCHAR(40),
    innovation_type VARCHAR(20) NOT NULL,
    source          VARCHAR(20) NOT NULL,
    sector          VARCHAR(40) NOT NULL,
    stage           VARCHAR(20) NOT NULL,
    days            INT NOT NULL,
    spans           BIGINT NOT NULL,
    -- the key in the order a view reads it: the cell (equalities), the stage, then the years' range
    CONSTRAINT idea_stage_cube_key UNIQUE NULLS NOT DISTINCT (region, innovation_type, source, sector, stage, year, days)
) WITH (fillfactor = 70);
-- A cell's rows are read together: the rebuild writes them in the key's order, and the room left on each page lets
-- the triggers' updates of a row's count stay on its page (no index column changes: HOT updates), so a cell stays on
-- a few dozen pages instead of one page per row.

-- The same cube computed from scratch: the history's order by a window (not its stored ends), the public ideas (the
-- idea list's visibility), every cell of each span. The backfill, a rebuild after a bulk load, and the test that the
-- kept cube equals it (IdeaFiguresSummaryTests).
CREATE FUNCTION idea_stage_cube_fresh() RETURNS TABLE (year INT, region VARCHAR, innovation_type VARCHAR,
        source VARCHAR, sector VARCHAR, stage VARCHAR, days INT, spans BIGINT)
    LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH ended AS (
        SELECT ch.idea_id, ch.to_status,
               lead(ch.changed_at) OVER (PARTITION BY ch.idea_id ORDER BY ch.changed_at, ch.id) - ch.changed_at AS span
        FROM idea_status_change ch),
    spans AS (
        SELECT CAST(extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') AS int) AS y, i.region AS r,
               i.innovation_type AS t, i.source AS s, i.sectors AS cs, e.to_status AS st,
               CAST(floor(extract(EPOCH FROM e.span) / 86400) AS int) AS d, count(*) AS n
        FROM ended e JOIN idea i ON i.id = e.idea_id
        WHERE e.span IS NOT NULL AND i.status <> 'UNCONFIRMED' AND i.hidden_at IS NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7)
    SELECT sp.y, CAST(rr.v AS varchar), CAST(tt.v AS varchar), CAST(ss.v AS varchar), CAST(cc.v AS varchar),
           CAST(sp.st AS varchar), sp.d, CAST(sum(sp.n) AS bigint)
    FROM spans sp
    CROSS JOIN LATERAL (VALUES (sp.r), ('*')) rr(v)
    CROSS JOIN LATERAL (VALUES (sp.t), ('*')) tt(v)
    CROSS JOIN LATERAL (VALUES (sp.s), ('*')) ss(v)
    CROSS JOIN LATERAL (SELECT unnest(sp.cs) UNION SELECT '*') cc(v)
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
END $$;

-- Made afresh: after a bulk load with the triggers disabled (as capacity_figures_rebuild of V87 for its summaries).
CREATE FUNCTION idea_stage_cube_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM idea_stage_cube;
    INSERT INTO idea_stage_cube (year, region, innovation_type, source, sector, stage, days, spans)
        SELECT * FROM idea_stage_cube_fresh() f
        ORDER BY f.region, f.innovation_type, f.source, f.sector, f.stage, f.year, f.days;
END $$;

-- Whether the columns the cube is kept from exist yet (left_at, V86, after source, V85); remembered for the session
-- once they do, so a trigger costs no catalogue lookup after the first.
CREATE FUNCTION idea_stage_cube_ready() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tvaers.idea_stage_cube_ready', true) = 'on' THEN
        RETURN true;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'idea_status_change'::regclass
                   AND attname = 'left_at' AND NOT attisdropped) THEN
        RETURN false;
    END IF;
    PERFORM set_config('tvaers.idea_stage_cube_ready', 'on', false);
    RETURN true;
END $$;

-- One public idea's every ended span, in every cell it counts in, added (+1) or taken away (-1).
CREATE FUNCTION idea_stage_cube_add(i idea, sign INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF i.status = 'UNCONFIRMED' OR i.hidden_at IS NOT NULL THEN
        RETURN;
    END IF;
    INSERT INTO idea_stage_cube AS d (year, region, innovation_type, source, sector, stage, days, spans)
    SELECT CAST(extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') AS int), rr.v, tt.v, ss.v, cc.v,
           sp.st, sp.d, sign * sum(sp.n)
    FROM (SELECT ch.to_status AS st, CAST(floor(extract(EPOCH FROM ch.left_at - ch.changed_at) / 86400) AS int) AS d,
                 count(*) AS n
          FROM idea_status_change ch WHERE ch.idea_id = i.id AND ch.left_at IS NOT NULL GROUP BY 1, 2) sp
    CROSS JOIN (VALUES (i.region), ('*')) rr(v)
    CROSS JOIN (VALUES (i.innovation_type), ('*')) tt(v)
    CROSS JOIN (VALUES (i.source), ('*')) ss(v)
    CROSS JOIN (SELECT unnest(i.sectors) UNION SELECT '*') cc(v)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT idea_stage_cube_key DO UPDATE SET spans = d.spans + EXCLUDED.spans;
END $$;

-- One history row's span, added or taken away, under its idea's current values (nothing while the row has not ended,
-- or the idea is not public or no longer there).
CREATE FUNCTION idea_stage_cube_span(c idea_status_change, sign INT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    i idea;
BEGIN
    IF c.left_at IS NULL THEN
        RETURN;
    END IF;
    SELECT * INTO i FROM idea WHERE id = c.idea_id;
    IF NOT FOUND OR i.status = 'UNCONFIRMED' OR i.hidden_at IS NOT NULL THEN
        RETURN;
    END IF;
    INSERT INTO idea_stage_cube AS d (year, region, innovation_type, source, sector, stage, days, spans)
    SELECT CAST(extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') AS int), rr.v, tt.v, ss.v, cc.v,
           c.to_status, CAST(floor(extract(EPOCH FROM c.left_at - c.changed_at) / 86400) AS int), sign
    FROM (VALUES (i.region), ('*')) rr(v)
    CROSS JOIN (VALUES (i.innovation_type), ('*')) tt(v)
    CROSS JOIN (VALUES (i.source), ('*')) ss(v)
    CROSS JOIN (SELECT unnest(i.sectors) UNION SELECT '*') cc(v)
    ON CONFLICT ON CONSTRAINT idea_stage_cube_key DO UPDATE SET spans = d.spans + EXCLUDED.spans;
END $$;

-- An idea written: its part moves when anything the cube is kept by changes (its visibility, year, cell values).
CREATE FUNCTION idea_stage_cube_idea_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT idea_stage_cube_ready() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD.status = 'UNCONFIRMED') IS NOT DISTINCT FROM (NEW.status = 'UNCONFIRMED')
            AND OLD.hidden_at IS NOT DISTINCT FROM NEW.hidden_at AND OLD.submitted_at IS NOT DISTINCT FROM NEW.submitted_at
            AND OLD.region IS NOT DISTINCT FROM NEW.region AND OLD.innovation_type IS NOT DISTINCT FROM NEW.innovation_type
            AND OLD.source IS NOT DISTINCT FROM NEW.source AND OLD.sectors IS NOT DISTINCT FROM NEW.sectors THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        PERFORM idea_stage_cube_add(OLD, -1);
    END IF;
    PERFORM idea_stage_cube_add(NEW, 1);
    RETURN NULL;
END $$;

-- before the row goes (and its history with it, by cascade, whose rows then find no idea): its spans are still there
CREATE FUNCTION idea_stage_cube_idea_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF idea_stage_cube_ready() THEN
        PERFORM idea_stage_cube_add(OLD, -1);
    END IF;
    RETURN OLD;
END $$;

CREATE FUNCTION idea_stage_cube_span_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT idea_stage_cube_ready() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.left_at IS NOT DISTINCT FROM NEW.left_at
            AND OLD.changed_at IS NOT DISTINCT FROM NEW.changed_at AND OLD.to_status IS NOT DISTINCT FROM NEW.to_status
            AND OLD.idea_id IS NOT DISTINCT FROM NEW.idea_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM idea_stage_cube_span(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM idea_stage_cube_span(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER idea_stage_cube_kept AFTER INSERT OR UPDATE ON idea FOR EACH ROW
    EXECUTE FUNCTION idea_stage_cube_idea_kept();
CREATE TRIGGER idea_stage_cube_removed BEFORE DELETE ON idea FOR EACH ROW
    EXECUTE FUNCTION idea_stage_cube_idea_removed();
CREATE TRIGGER idea_stage_cube_spans AFTER INSERT OR UPDATE OR DELETE ON idea_status_change FOR EACH ROW
    EXECUTE FUNCTION idea_stage_cube_span_kept();

DO $$
BEGIN
    IF idea_stage_cube_ready() THEN
        PERFORM idea_stage_cube_rebuild();
    END IF;
END $$;
