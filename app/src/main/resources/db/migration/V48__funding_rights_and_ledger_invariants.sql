-- Funding: who a grant is shared with (row-level rights, ADR 0017) and the ledger's invariants enforced by the
-- database itself (ADR 0018).

-- The organisations besides the recipient whose people may see a grant and report on it: the members of the
-- consortium the grant was decided for.
CREATE TABLE grant_organisation (
    grant_id        BIGINT NOT NULL REFERENCES grant_award (id),
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (grant_id, organisation_id)
);
CREATE INDEX grant_organisation_organisation_idx ON grant_organisation (organisation_id);

-- A tranche of a reversed grant is cancelled: it can no longer be reported on, released or paid.
ALTER TABLE tranche DROP CONSTRAINT tranche_status_check;
ALTER TABLE tranche ADD CONSTRAINT tranche_status_check
    CHECK (status IN ('PLANNED', 'REPORTED', 'RELEASED', 'PAID', 'CANCELLED'));

-- Grants whose GRANTED entry was reversed before this version kept their unpaid tranches: cancel them now.
UPDATE tranche t SET status = 'CANCELLED'
WHERE t.status IN ('PLANNED', 'REPORTED')
  AND EXISTS (SELECT 1 FROM ledger_entry g JOIN ledger_entry r ON r.reverses_entry_id = g.id
              WHERE g.grant_id = t.grant_id AND g.kind = 'GRANTED');

-- Every change of the ledger or of a tranche takes the pool's row lock first, so changes to one pool happen one
-- after the other and the checks below see every committed change.
CREATE FUNCTION funding_lock_pool() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'ledger_entry' THEN
        PERFORM 1 FROM funding_pool WHERE id = NEW.pool_id FOR UPDATE;
    ELSE
        PERFORM 1 FROM funding_pool p JOIN grant_award g ON g.pool_id = p.id WHERE g.id = NEW.grant_id
            FOR UPDATE OF p;
        IF TG_OP = 'UPDATE' THEN
            IF NEW.amount_ore <> OLD.amount_ore OR NEW.grant_id <> OLD.grant_id OR NEW.number <> OLD.number THEN
                RAISE EXCEPTION 'funding invariant: a tranche''s grant, number and amount never change';
            END IF;
            IF OLD.status = 'CANCELLED' AND NEW.status <> 'CANCELLED' THEN
                RAISE EXCEPTION 'funding invariant: a cancelled tranche stays cancelled (tranche %)', OLD.id;
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER ledger_entry_lock_pool BEFORE INSERT ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION funding_lock_pool();
CREATE TRIGGER tranche_lock_pool BEFORE INSERT OR UPDATE ON tranche
    FOR EACH ROW EXECUTE FUNCTION funding_lock_pool();

-- The invariants, checked at commit for the grant and the pool a change touched:
--   per tranche: what the ledger paid for it (net of reversals) is its amount when it is PAID, else 0;
--   per grant:   0 <= paid <= released <= granted, and the tranches not cancelled add up to granted
--                (granted and paid net of reversals; released = tranches RELEASED or PAID);
--   per pool:    0 <= granted - reversed <= the pool's amount.
CREATE FUNCTION funding_check_invariants() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_grant BIGINT;
    v_pool BIGINT;
    v_granted BIGINT;
    v_paid BIGINT;
    v_released BIGINT;
    v_scheduled BIGINT;
    v_pool_amount BIGINT;
    v_pool_granted BIGINT;
    v_bad_tranche BIGINT;
BEGIN
    IF TG_TABLE_NAME = 'ledger_entry' THEN
        v_grant := NEW.grant_id;
        v_pool := NEW.pool_id;
    ELSE
        v_grant := NEW.grant_id;
        SELECT pool_id INTO v_pool FROM grant_award WHERE id = v_grant;
    END IF;
    PERFORM 1 FROM funding_pool WHERE id = v_pool FOR UPDATE;

    IF v_grant IS NOT NULL THEN
        SELECT coalesce(sum(amount_ore) FILTER (WHERE kind = 'GRANTED'), 0),
               coalesce(sum(amount_ore) FILTER (WHERE kind = 'PAID'), 0)
          INTO v_granted, v_paid
          FROM ledger_entry WHERE grant_id = v_grant;
        SELECT coalesce(sum(amount_ore) FILTER (WHERE status IN ('RELEASED', 'PAID')), 0),
               coalesce(sum(amount_ore) FILTER (WHERE status <> 'CANCELLED'), 0)
          INTO v_released, v_scheduled
          FROM tranche WHERE grant_id = v_grant;
        IF NOT (0 <= v_paid AND v_paid <= v_released AND v_released <= v_granted) THEN
            RAISE EXCEPTION 'funding invariant: paid % <= released % <= granted % broken for grant %',
                v_paid, v_released, v_granted, v_grant USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (SELECT 1 FROM ledger_entry WHERE grant_id = v_grant AND kind = 'GRANTED')
                AND v_scheduled <> v_granted THEN
            RAISE EXCEPTION 'funding invariant: tranches % <> granted % for grant %', v_scheduled, v_granted, v_grant
                USING ERRCODE = 'check_violation';
        END IF;
        SELECT t.id INTO v_bad_tranche FROM tranche t
         WHERE t.grant_id = v_grant
           AND coalesce((SELECT sum(e.amount_ore) FROM ledger_entry e WHERE e.tranche_id = t.id AND e.kind = 'PAID'), 0)
               <> CASE WHEN t.status = 'PAID' THEN t.amount_ore ELSE 0 END
         LIMIT 1;
        IF v_bad_tranche IS NOT NULL THEN
            RAISE EXCEPTION 'funding invariant: the ledger''s payments of tranche % do not match its status',
                v_bad_tranche USING ERRCODE = 'check_violation';
        END IF;
    END IF;

    SELECT amount_ore INTO v_pool_amount FROM funding_pool WHERE id = v_pool;
    SELECT coalesce(sum(amount_ore), 0) INTO v_pool_granted FROM ledger_entry WHERE pool_id = v_pool AND kind = 'GRANTED';
    IF NOT (0 <= v_pool_granted AND v_pool_granted <= v_pool_amount) THEN
        RAISE EXCEPTION 'funding invariant: granted % of pool % exceeds its amount %', v_pool_granted, v_pool,
            v_pool_amount USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER ledger_entry_invariants AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funding_check_invariants();
CREATE CONSTRAINT TRIGGER tranche_invariants AFTER INSERT OR UPDATE ON tranche
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funding_check_invariants();
