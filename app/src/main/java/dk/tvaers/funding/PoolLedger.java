package dk.tvaers.funding;

import dk.tvaers.platform.database.SqlText;
import dk.tvaers.accounts.Actor;
import dk.tvaers.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every change of money goes through, for {@link Funding} (grants, reversals) and {@link Tranches} (payments):
 * the pool's row lock, taken first so two changes of one pool come one after the other (no deadlock), the tranche's
 * row lock, and the one way an entry is written to the ledger (which is never edited, ADR 0018).
 */
@Component
class PoolLedger {

    private final JdbcClient jdbc;

    PoolLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pool's row is the lock of every change to its grants, tranches and ledger; taken first (no deadlock). */
    void lockPool(long poolId) {
        jdbc.sql("SELECT id FROM funding_pool WHERE id = :id FOR UPDATE").param("id", poolId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("pool", poolId));
    }

    void lockPoolOfTranche(long trancheId) {
        jdbc.sql("""
                SELECT p.id FROM funding_pool p JOIN grant_award g ON g.pool_id = p.id
                JOIN tranche t ON t.grant_id = g.id WHERE t.id = :id FOR UPDATE OF p""")
                .param("id", trancheId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("tranche", trancheId));
    }

    Tranche lockTranche(long trancheId) {
        return jdbc.sql("SELECT * FROM tranche WHERE id = :id FOR UPDATE").param("id", trancheId)
                .query(FundingRows::mapTranche).optional()
                .orElseThrow(() -> new NotFoundException("tranche", trancheId));
    }

    void record(long poolId, Long grantId, Long trancheId, LedgerEntry.Kind kind, long ore, Long reverses,
            String note, Actor actor) {
        jdbc.sql("""
                INSERT INTO ledger_entry (pool_id, grant_id, tranche_id, kind, amount_ore, reverses_entry_id, note,
                    recorded_by_name)
                VALUES (:pool, :grant, :tranche, :kind, :amount, :reverses, :note, :by)""")
                .param("pool", poolId).param("grant", grantId).param("tranche", trancheId).param("kind", kind.name())
                .param("amount", ore).param("reverses", reverses).param("note", SqlText.blankToNull(note))
                .param("by", actor.name())
                .update();
    }
}
