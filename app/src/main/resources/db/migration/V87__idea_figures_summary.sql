-- The idea figures kept up to date on write (issue 15, ADR 0040), so the capacity page reads a few thousand summary
-- rows instead of 100,000 ideas and their history: public ideas (confirmed, not hidden by a moderator: the idea
-- list's visibility) counted per year of submission (Danish time), region, innovation type, source and set of
-- sectors; and the time spent in each status, in whole days (started days not counted), per the same key. Kept by
-- triggers on idea and idea_status_change in the writing transaction, whoever writes. The views *_fresh are the
-- same figures computed from scratch (the history's order by a window, not its stored ends): the backfill below and
-- the test that the kept figures equal them (IdeaFiguresSummaryTests).

CREATE TABLE idea_year_figures (
    year              INT,
    region            VARCHAR(40),
    innovation_type   VARCHAR(20) NOT NULL,
    source            VARCHAR(20) NOT NULL,
    sectors           VARCHAR(40)[] NOT NULL,
    received          BIGINT NOT NULL,
    became_initiative BIGINT NOT NULL,
    CONSTRAINT idea_year_figures_key UNIQUE NULLS NOT DISTINCT (year, region, innovation_type, source, sectors)
);

CREATE TABLE idea_stage_days (
    year            INT,
    region          VARCHAR(40),
    innovation_type VARCHAR(20) NOT NULL,
    source          VARCHAR(20) NOT NULL,
    sectors         VARCHAR(40)[] NOT NULL,
    stage           VARCHAR(20) NOT NULL,
    days            INT NOT NULL,
    spans           BIGINT NOT NULL,
    CONSTRAINT idea_stage_days_key UNIQUE NULLS NOT DISTINCT (year, region, innovation_type, source, sectors, stage, days)
);

CREATE VIEW idea_year_figures_fresh AS
    SELECT CAST(extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') AS int) AS year, i.region,
           i.innovation_type, i.source, i.sectors, count(*) AS received, count(i.initiative_id) AS became_initiative
    FROM idea i WHERE i.status <> 'UNCONFIRMED' AND i.hidden_at IS NULL
    GROUP BY 1, 2, 3, 4, 5;

CREATE VIEW idea_stage_days_fresh AS
    WITH spans AS (
        SELECT c.idea_id, c.to_status AS stage,
               lead(c.changed_at) OVER (PARTITION BY c.idea_id ORDER BY c.changed_at, c.id) - c.changed_at AS span
        FROM idea_status_change c)
    SELECT CAST(extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') AS int) AS year, i.region,
           i.innovation_type, i.source, i.sectors, s.stage,
           CAST(floor(extract(EPOCH FROM s.span) / 86400) AS int) AS days, count(*) AS spans
    FROM spans s JOIN idea i ON i.id = s.idea_id
    WHERE s.span IS NOT NULL AND i.status <> 'UNCONFIRMED' AND i.hidden_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Everything kept on write made afresh: the history rows' ends and both summaries. The backfill below; also the way
-- after a bulk load in one transaction with the triggers disabled (ALTER TABLE … DISABLE TRIGGER USER), where the
-- triggers would update the same few summary rows many thousand times in one transaction.
CREATE FUNCTION capacity_figures_rebuild() RETURNS void LANGUAGE sql AS $$
    UPDATE idea_status_change c SET left_at = n.next_at
    FROM (SELECT id, lead(changed_at) OVER (PARTITION BY idea_id ORDER BY changed_at, id) AS next_at
          FROM idea_status_change) n
    WHERE n.id = c.id AND c.left_at IS DISTINCT FROM n.next_at;
    UPDATE initiative_phase_change c SET left_at = n.next_at
    FROM (SELECT id, lead(changed_at) OVER (PARTITION BY initiative_id ORDER BY changed_at, id) AS next_at
          FROM initiative_phase_change) n
    WHERE n.id = c.id AND c.left_at IS DISTINCT FROM n.next_at;
    DELETE FROM idea_year_figures;
    INSERT INTO idea_year_figures SELECT * FROM idea_year_figures_fresh;
    DELETE FROM idea_stage_days;
    INSERT INTO idea_stage_days SELECT * FROM idea_stage_days_fresh;
$$;

SELECT capacity_figures_rebuild();

-- One public idea's whole part of the figures (its count and every ended span of its history), added (+1) or taken
-- away (-1), with the idea's values as given.
CREATE FUNCTION idea_figures_add(i idea, sign INT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    y INT := CAST(extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') AS int);
BEGIN
    IF i.status = 'UNCONFIRMED' OR i.hidden_at IS NOT NULL THEN
        RETURN;
    END IF;
    INSERT INTO idea_year_figures AS f VALUES (y, i.region, i.innovation_type, i.source, i.sectors, sign,
            CASE WHEN i.initiative_id IS NULL THEN 0 ELSE sign END)
    ON CONFLICT ON CONSTRAINT idea_year_figures_key DO UPDATE
        SET received = f.received + EXCLUDED.received, became_initiative = f.became_initiative + EXCLUDED.became_initiative;
    INSERT INTO idea_stage_days AS d
    SELECT y, i.region, i.innovation_type, i.source, i.sectors, c.to_status,
           CAST(floor(extract(EPOCH FROM c.left_at - c.changed_at) / 86400) AS int), sign * count(*)
    FROM idea_status_change c WHERE c.idea_id = i.id AND c.left_at IS NOT NULL
    GROUP BY 6, 7
    ON CONFLICT ON CONSTRAINT idea_stage_days_key DO UPDATE SET spans = d.spans + EXCLUDED.spans;
END $$;

-- One history row's span, added or taken away, under its idea's current values (nothing while the row has not
-- ended, or the idea is not public or no longer there).
CREATE FUNCTION idea_span_add(c idea_status_change, sign INT) RETURNS void LANGUAGE plpgsql AS $$
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
    INSERT INTO idea_stage_days AS d VALUES (
            CAST(extract(YEAR FROM i.submitted_at AT TIME ZONE 'Europe/Copenhagen') AS int), i.region,
            i.innovation_type, i.source, i.sectors, c.to_status,
            CAST(floor(extract(EPOCH FROM c.left_at - c.changed_at) / 86400) AS int), sign)
    ON CONFLICT ON CONSTRAINT idea_stage_days_key DO UPDATE SET spans = d.spans + EXCLUDED.spans;
END $$;

CREATE FUNCTION idea_figures_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM idea_figures_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM idea_figures_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION idea_spans_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM idea_span_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM idea_span_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER idea_figures_kept AFTER INSERT ON idea FOR EACH ROW EXECUTE FUNCTION idea_figures_kept();
CREATE TRIGGER idea_figures_changed AFTER UPDATE ON idea FOR EACH ROW
    WHEN ((OLD.status = 'UNCONFIRMED') IS DISTINCT FROM (NEW.status = 'UNCONFIRMED')
        OR OLD.hidden_at IS DISTINCT FROM NEW.hidden_at OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
        OR OLD.region IS DISTINCT FROM NEW.region OR OLD.innovation_type IS DISTINCT FROM NEW.innovation_type
        OR OLD.source IS DISTINCT FROM NEW.source OR OLD.sectors IS DISTINCT FROM NEW.sectors
        OR OLD.initiative_id IS DISTINCT FROM NEW.initiative_id)
    EXECUTE FUNCTION idea_figures_kept();
-- before the row goes (and its history with it, by cascade, whose rows then find no idea): its spans are still there
CREATE FUNCTION idea_figures_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM idea_figures_add(OLD, -1);
    RETURN OLD;
END $$;
CREATE TRIGGER idea_figures_removed BEFORE DELETE ON idea FOR EACH ROW EXECUTE FUNCTION idea_figures_removed();

CREATE TRIGGER idea_spans_kept AFTER INSERT OR DELETE ON idea_status_change FOR EACH ROW
    EXECUTE FUNCTION idea_spans_kept();
CREATE TRIGGER idea_spans_changed AFTER UPDATE ON idea_status_change FOR EACH ROW
    WHEN (OLD.left_at IS DISTINCT FROM NEW.left_at OR OLD.changed_at IS DISTINCT FROM NEW.changed_at
        OR OLD.to_status IS DISTINCT FROM NEW.to_status OR OLD.idea_id IS DISTINCT FROM NEW.idea_id)
    EXECUTE FUNCTION idea_spans_kept();
