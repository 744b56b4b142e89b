-- Each history row's end (issue 15, ADR 0040): when the idea (initiative) left the status (phase) the row entered,
-- i.e. the time of the next row of the same item in (changed_at, id) order; NULL while it is the newest. Kept by
-- triggers in the transaction that writes the history (whoever writes it), so the time in a stage needs no window
-- over the whole history. Backfilled here.
ALTER TABLE idea_status_change ADD COLUMN left_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE initiative_phase_change ADD COLUMN left_at TIMESTAMP WITH TIME ZONE;

UPDATE idea_status_change c SET left_at = n.next_at
FROM (SELECT id, lead(changed_at) OVER (PARTITION BY idea_id ORDER BY changed_at, id) AS next_at
      FROM idea_status_change) n
WHERE n.id = c.id AND n.next_at IS NOT NULL;

UPDATE initiative_phase_change c SET left_at = n.next_at
FROM (SELECT id, lead(changed_at) OVER (PARTITION BY initiative_id ORDER BY changed_at, id) AS next_at
      FROM initiative_phase_change) n
WHERE n.id = c.id AND n.next_at IS NOT NULL;

-- Sets left_at of one item's rows to the next row's time where it differs (touches only the rows that change).
CREATE FUNCTION idea_status_change_relink(item BIGINT) RETURNS void LANGUAGE sql AS $$
    UPDATE idea_status_change c SET left_at = n.next_at
    FROM (SELECT id, lead(changed_at) OVER (ORDER BY changed_at, id) AS next_at
          FROM idea_status_change WHERE idea_id = item) n
    WHERE n.id = c.id AND c.left_at IS DISTINCT FROM n.next_at;
$$;

CREATE FUNCTION initiative_phase_change_relink(item BIGINT) RETURNS void LANGUAGE sql AS $$
    UPDATE initiative_phase_change c SET left_at = n.next_at
    FROM (SELECT id, lead(changed_at) OVER (ORDER BY changed_at, id) AS next_at
          FROM initiative_phase_change WHERE initiative_id = item) n
    WHERE n.id = c.id AND c.left_at IS DISTINCT FROM n.next_at;
$$;

CREATE FUNCTION idea_status_change_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM idea_status_change_relink(OLD.idea_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.idea_id <> OLD.idea_id) THEN
        PERFORM idea_status_change_relink(NEW.idea_id);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION initiative_phase_change_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM initiative_phase_change_relink(OLD.initiative_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.initiative_id <> OLD.initiative_id) THEN
        PERFORM initiative_phase_change_relink(NEW.initiative_id);
    END IF;
    RETURN NULL;
END $$;

-- only changes of the order (time, item) relink; the relink's own updates of left_at do not fire these again
CREATE TRIGGER idea_status_change_linked AFTER INSERT OR DELETE OR UPDATE OF changed_at, idea_id
    ON idea_status_change FOR EACH ROW EXECUTE FUNCTION idea_status_change_linked();
CREATE TRIGGER initiative_phase_change_linked AFTER INSERT OR DELETE OR UPDATE OF changed_at, initiative_id
    ON initiative_phase_change FOR EACH ROW EXECUTE FUNCTION initiative_phase_change_linked();

-- the phase times read the ended rows of each phase
CREATE INDEX initiative_phase_change_ended_idx ON initiative_phase_change (to_phase) INCLUDE (initiative_id, changed_at, left_at)
    WHERE left_at IS NOT NULL;
