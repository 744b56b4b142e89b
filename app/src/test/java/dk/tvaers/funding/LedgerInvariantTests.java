package dk.tvaers.funding;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's invariants (ADR 0018) over random sequences of grant / reverse / report / approve / pay (and
 * reversing a payment), one after the other and from several threads at once:
 * <ul>
 *   <li>per tranche: the ledger paid its amount if it is PAID, nothing otherwise;</li>
 *   <li>per grant: 0 ≤ paid ≤ released ≤ granted (net of reversals), and its live tranches add up to granted;</li>
 *   <li>per pool: 0 ≤ granted − reversed ≤ the pool's amount, and so paid ≤ the pool's amount.</li>
 * </ul>
 * Refusals ({@link FundingRuleException}) are expected; any other failure, or a broken invariant, is a bug.
 * The sequences are drawn from seeded generators (the seed of a failing try is in the failure message, so it can be
 * replayed); ADR 0027 says why these are plain JUnit tests rather than jqwik properties.
 */
@IntegrationTest
class LedgerInvariantTests {

    private static final Actor PROJECT = new Actor(7001L, "Projektleder");
    private static final Actor TASK_FORCE = new Actor(7002L, "Task Force");
    private static final Actor FINANCE = new Actor(7003L, "Økonomi");
    private static final long POOL_KRONER = 1_000_000;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final long SEED = 0x7AE25L;
    private static final Kind[] WEIGHTED = weighted();

    @Autowired
    Funding funding;

    @Autowired
    Tranches trancheCycle;

    @Autowired
    JdbcClient jdbc;

    enum Kind { GRANT, REVERSE_GRANT, REPORT, APPROVE, RETURN, PAY, REVERSE_PAYMENT }

    /** One step: what, and two numbers that pick the amount or the grant/tranche it acts on. */
    record Op(Kind kind, int a, int b) {}

    /** The kinds by weight: grants 3, reversals of grants 2, reports 4, approvals 4, returns 1, payments 4, reversals of payments 1. */
    private static Kind[] weighted() {
        List<Kind> kinds = new ArrayList<>();
        int[] weights = {3, 2, 4, 4, 1, 4, 1};
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < weights[kind.ordinal()]; i++) {
                kinds.add(kind);
            }
        }
        return kinds.toArray(Kind[]::new);
    }

    private static Op op(SplittableRandom random) {
        return new Op(WEIGHTED[random.nextInt(WEIGHTED.length)], random.nextInt(1, 13), random.nextInt(0, 51));
    }

    private static List<Op> sequence(SplittableRandom random, int min, int max) {
        List<Op> ops = new ArrayList<>();
        int size = random.nextInt(min, max + 1);
        for (int i = 0; i < size; i++) {
            ops.add(op(random));
        }
        return ops;
    }

    @Test
    void invariantsHoldAfterEveryStepOfAnySequence() {
        for (int attempt = 0; attempt < 30; attempt++) {
            long seed = SEED + attempt;
            List<Op> ops = sequence(new SplittableRandom(seed), 1, 40);
            long pool = pool();
            for (int step = 0; step < ops.size(); step++) {
                apply(pool, ops.get(step));
                assertInvariants(pool, "seed " + seed + ", after step " + (step + 1) + " of " + ops);
            }
        }
    }

    @Test
    void invariantsHoldWhenSequencesRunAtTheSameTime() throws Exception {
        for (int attempt = 0; attempt < 8; attempt++) {
            long seed = SEED + 1_000 + attempt;
            var random = new SplittableRandom(seed);
            List<List<Op>> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                threads.add(sequence(random, 5, 25));
            }
            raceOnce(threads, "seed " + seed + ": " + threads);
        }
    }

    private void raceOnce(List<List<Op>> threads, String description) throws Exception {
        long pool = pool();
        // something to race on: three grants, one of them reported
        apply(pool, new Op(Kind.GRANT, 3, 0));
        apply(pool, new Op(Kind.GRANT, 3, 1));
        apply(pool, new Op(Kind.GRANT, 2, 2));
        apply(pool, new Op(Kind.REPORT, 0, 0));
        ExecutorService executor = Executors.newFixedThreadPool(threads.size());
        try {
            var start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (List<Op> sequence : threads) {
                done.add(executor.submit(() -> {
                    start.await();
                    for (Op op : sequence) {
                        apply(pool, op);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
        assertInvariants(pool, description);
    }

    private void apply(long pool, Op op) {
        List<Grant> grants = funding.grants(pool);
        try {
            switch (op.kind()) {
                case GRANT -> {
                    long amount = op.a() * 50_000L;
                    int count = 1 + op.b() % 3;
                    List<GrantDecision.NewTranche> tranches = new ArrayList<>();
                    long each = amount / count;
                    for (int i = 0; i < count; i++) {
                        long kroner = i == count - 1 ? amount - each * (count - 1) : each;
                        tranches.add(new GrantDecision.NewTranche(Money.ofKroner(kroner),
                                LocalDate.of(2026, 6, 30).plusMonths(6L * i)));
                    }
                    funding.grant(new GrantDecision(pool, "Egenskab " + SEQUENCE.incrementAndGet(), null,
                            Money.ofKroner(amount), Money.ofKroner(amount), null, tranches), TASK_FORCE);
                }
                case REVERSE_GRANT -> pick(funding.ledger(pool).stream()
                        .filter(e -> e.kind() == LedgerEntry.Kind.GRANTED && e.reversesEntryId() == null).toList(), op)
                        .ifPresent(e -> funding.reverse(e.id(), "Fejlbevilling", TASK_FORCE));
                case REVERSE_PAYMENT -> pick(funding.ledger(pool).stream()
                        .filter(e -> e.kind() == LedgerEntry.Kind.PAID && e.reversesEntryId() == null).toList(), op)
                        .ifPresent(e -> funding.reverse(e.id(), "Forkert konto", FINANCE));
                default -> {
                    List<Tranche> tranches = grants.stream().flatMap(g -> trancheCycle.tranches(g.id()).stream()).toList();
                    pick(tranches, op).ifPresent(t -> {
                        switch (op.kind()) {
                            case REPORT -> trancheCycle.submitReport(t.id(), "Rapport", PROJECT);
                            case APPROVE -> trancheCycle.approveReport(t.id(), null, TASK_FORCE);
                            case RETURN -> trancheCycle.returnReport(t.id(), "Mangler tal", TASK_FORCE);
                            case PAY -> trancheCycle.markPaid(t.id(), FINANCE);
                            default -> throw new IllegalStateException();
                        }
                    });
                }
            }
        } catch (FundingRuleException refused) {
            // a refusal is an answer: the state must still be sound, which assertInvariants checks
        }
    }

    private static <T> java.util.Optional<T> pick(List<T> items, Op op) {
        return items.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(items.get((op.a() * 31 + op.b()) % items.size()));
    }

    /** The invariants, computed here from the rows (not by the triggers that also enforce them). */
    private void assertInvariants(long pool, String description) {
        long poolAmount = jdbc.sql("SELECT amount_ore FROM funding_pool WHERE id = :id").param("id", pool)
                .query(Long.class).single();
        long granted = jdbc.sql("SELECT coalesce(sum(amount_ore), 0) FROM ledger_entry WHERE pool_id = :id AND kind = 'GRANTED'")
                .param("id", pool).query(Long.class).single();
        long paid = jdbc.sql("SELECT coalesce(sum(amount_ore), 0) FROM ledger_entry WHERE pool_id = :id AND kind = 'PAID'")
                .param("id", pool).query(Long.class).single();
        assertThat(granted).as("granted − reversed of the pool, %s", description).isBetween(0L, poolAmount);
        assertThat(paid).as("paid of the pool, %s", description).isBetween(0L, granted);
        List<String> broken = Collections.synchronizedList(new ArrayList<>());
        for (Grant grant : funding.grants(pool)) {
            long grantGranted = jdbc.sql("""
                    SELECT coalesce(sum(amount_ore), 0) FROM ledger_entry WHERE grant_id = :g AND kind = 'GRANTED'""")
                    .param("g", grant.id()).query(Long.class).single();
            long grantPaid = jdbc.sql("""
                    SELECT coalesce(sum(amount_ore), 0) FROM ledger_entry WHERE grant_id = :g AND kind = 'PAID'""")
                    .param("g", grant.id()).query(Long.class).single();
            long released = 0;
            long live = 0;
            for (Tranche t : trancheCycle.tranches(grant.id())) {
                long trenchePaid = jdbc.sql("""
                        SELECT coalesce(sum(amount_ore), 0) FROM ledger_entry WHERE tranche_id = :t AND kind = 'PAID'""")
                        .param("t", t.id()).query(Long.class).single();
                if (trenchePaid != (t.status() == TrancheStatus.PAID ? t.amount().ore() : 0)) {
                    broken.add("tranche " + t.id() + " " + t.status() + " paid " + trenchePaid);
                }
                if (t.status() == TrancheStatus.RELEASED || t.status() == TrancheStatus.PAID) {
                    released += t.amount().ore();
                }
                if (t.status() != TrancheStatus.CANCELLED) {
                    live += t.amount().ore();
                }
            }
            if (!(0 <= grantPaid && grantPaid <= released && released <= grantGranted)) {
                broken.add("grant " + grant.id() + ": paid " + grantPaid + ", released " + released + ", granted "
                        + grantGranted);
            }
            if (live != grantGranted) {
                broken.add("grant " + grant.id() + ": live tranches " + live + " ≠ granted " + grantGranted);
            }
        }
        assertThat(broken).as("broken invariants, %s", description).isEmpty();
    }

    private long pool() {
        return funding.createPool("Egenskabspulje " + SEQUENCE.incrementAndGet() + " " + System.nanoTime(),
                Region.MIDTJYLLAND, Money.ofKroner(POOL_KRONER), 2026, 2027);
    }
}
