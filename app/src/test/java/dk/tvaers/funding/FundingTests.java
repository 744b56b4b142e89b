package dk.tvaers.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules of money: no overdraw (also at the same moment), tranches on approved reports, two roles, reversals. */
@IntegrationTest
class FundingTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Actor TASK_FORCE = new Actor(9001L, "Torben Task Force");
    private static final Actor OTHER_TASK_FORCE = new Actor(9002L, "Trine Task Force");
    private static final Actor FINANCE = new Actor(9003L, "Ole Økonomi");
    private static final LocalDate MID_2014 = LocalDate.of(2014, 6, 30);

    @Autowired
    Funding funding;

    @Autowired
    Tranches trancheCycle;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsGrantedPaidAndRemainingAtEveryStep() {
        long pool = aPool(Money.ofKroner(20_000_000));
        assertThat(funding.figures(pool)).isEqualTo(new PoolFigures(Money.ofKroner(20_000_000), Money.ZERO, Money.ZERO));

        long grant = funding.grant(decision(pool, Money.ofKroner(2_200_000), Money.ofKroner(2_200_000), null,
                Money.ofKroner(1_100_000), Money.ofKroner(1_100_000)), TASK_FORCE);
        assertThat(funding.figures(pool).granted()).isEqualTo(Money.ofKroner(2_200_000));
        assertThat(funding.figures(pool).remaining()).isEqualTo(Money.ofKroner(17_800_000));

        Tranche first = trancheCycle.tranches(grant).getFirst();
        trancheCycle.submitReport(first.id(), "Servicecentret er åbnet, 40 borgere inkluderet", new Actor(1L, "Projektleder"));
        trancheCycle.approveReport(first.id(), "Godt på vej", TASK_FORCE);
        assertThat(funding.figures(pool).paid()).isEqualTo(Money.ZERO);
        trancheCycle.markPaid(first.id(), FINANCE);

        PoolFigures figures = funding.figures(pool);
        assertThat(figures.paid()).isEqualTo(Money.ofKroner(1_100_000));
        assertThat(figures.outstanding()).isEqualTo(Money.ofKroner(1_100_000));
        assertThat(figures.remaining()).isEqualTo(Money.ofKroner(17_800_000));
    }

    @Test
    void refusesAGrantBeyondWhatRemains() {
        long pool = aPool(Money.ofKroner(1_000_000));
        funding.grant(decision(pool, Money.ofKroner(600_000), Money.ofKroner(600_000), null,
                Money.ofKroner(600_000)), TASK_FORCE);

        assertThatThrownBy(() -> funding.grant(decision(pool, Money.ofKroner(500_000), Money.ofKroner(500_000), null,
                Money.ofKroner(500_000)), TASK_FORCE))
                .isInstanceOf(FundingRuleException.class)
                .extracting(e -> ((FundingRuleException) e).messageKey()).isEqualTo("funding.error.overdraw");
        assertThat(funding.figures(pool).granted()).isEqualTo(Money.ofKroner(600_000));
    }

    @Test
    void refusesTheSecondOfTwoGrantsDecidedAtTheSameMomentWhenBothDoNotFit() throws Exception {
        long pool = aPool(Money.ofKroner(1_000_000));
        int decisions = 4;
        ExecutorService threads = Executors.newFixedThreadPool(decisions);
        var start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < decisions; i++) {
            outcomes.add(threads.submit(() -> {
                start.await();
                try {
                    funding.grant(decision(pool, Money.ofKroner(600_000), Money.ofKroner(600_000), null,
                            Money.ofKroner(600_000)), TASK_FORCE);
                    return true;
                } catch (FundingRuleException refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Boolean> outcome : outcomes) {
            granted += outcome.get() ? 1 : 0;
        }
        threads.shutdown();

        assertThat(granted).as("decisions that went through").isEqualTo(1);
        assertThat(funding.figures(pool).granted()).isEqualTo(Money.ofKroner(600_000));
        assertThat(funding.figures(pool).remaining()).isEqualTo(Money.ofKroner(400_000));
    }

    @Test
    void aReducedGrantNeedsItsReasonAndTranchesThatAddUp() {
        long pool = aPool(Money.ofKroner(5_000_000));

        assertThatThrownBy(() -> funding.grant(decision(pool, Money.ofKroner(800_000), Money.ofKroner(500_000), " ",
                Money.ofKroner(500_000)), TASK_FORCE))
                .extracting(e -> ((FundingRuleException) e).messageKey()).isEqualTo("funding.error.reducedNeedsReason");
        assertThatThrownBy(() -> funding.grant(decision(pool, Money.ofKroner(500_000), Money.ofKroner(500_000), null,
                Money.ofKroner(200_000), Money.ofKroner(200_000)), TASK_FORCE))
                .extracting(e -> ((FundingRuleException) e).messageKey()).isEqualTo("funding.error.tranchesSum");
        assertThatThrownBy(() -> funding.grant(decision(pool, Money.ofKroner(500_000), Money.ofKroner(600_000), null,
                Money.ofKroner(600_000)), TASK_FORCE))
                .extracting(e -> ((FundingRuleException) e).messageKey()).isEqualTo("funding.error.moreThanApplied");

        long grant = funding.grant(decision(pool, Money.ofKroner(800_000), Money.ofKroner(500_000),
                "Innovationshøjden skal løftes før resten", Money.ofKroner(500_000)), TASK_FORCE);
        assertThat(funding.grantById(grant).reduced()).isTrue();
        assertThat(funding.figures(pool).granted()).isEqualTo(Money.ofKroner(500_000));
    }

    @Test
    void releasesATrancheOnlyAfterAnApprovedReportAndPaysItByAnotherPerson() {
        long pool = aPool(Money.ofKroner(1_000_000));
        long grant = funding.grant(decision(pool, Money.ofKroner(450_000), Money.ofKroner(450_000), null,
                Money.ofKroner(450_000)), TASK_FORCE);
        long tranche = trancheCycle.tranches(grant).getFirst().id();

        assertThatThrownBy(() -> trancheCycle.markPaid(tranche, FINANCE))
                .extracting(e -> ((FundingRuleException) e).messageKey()).isEqualTo("funding.error.notReleased");
        assertThatThrownBy(() -> trancheCycle.approveReport(tranche, null, TASK_FORCE))
                .extracting(e -> ((FundingRuleException) e).messageKey()).isEqualTo("funding.error.noReportToDecide");

        trancheCycle.submitReport(tranche, "Første rapport", new Actor(1L, "Projektleder"));
        trancheCycle.returnReport(tranche, "Mangler tal for borgere", TASK_FORCE);
        assertThat(trancheCycle.tranche(tranche).status()).isEqualTo(TrancheStatus.PLANNED);

        trancheCycle.submitReport(tranche, "Anden rapport, med tal", new Actor(1L, "Projektleder"));
        trancheCycle.approveReport(tranche, null, TASK_FORCE);
        assertThat(trancheCycle.tranche(tranche).status()).isEqualTo(TrancheStatus.RELEASED);

        assertThatThrownBy(() -> trancheCycle.markPaid(tranche, TASK_FORCE))
                .extracting(e -> ((FundingRuleException) e).messageKey())
                .isEqualTo("funding.error.sameUserReleaseAndPay");
        trancheCycle.markPaid(tranche, FINANCE);
        assertThat(trancheCycle.tranche(tranche).status()).isEqualTo(TrancheStatus.PAID);
        assertThat(trancheCycle.reports(grant)).extracting(ProgressReport::decision)
                .containsExactly(ProgressReport.ReportDecision.RETURNED, ProgressReport.ReportDecision.APPROVED);
    }

    @Test
    void correctsWithAReversingEntryAndNeverEditsTheLedger() {
        long pool = aPool(Money.ofKroner(1_000_000));
        funding.grant(decision(pool, Money.ofKroner(300_000), Money.ofKroner(300_000), null, Money.ofKroner(300_000)),
                OTHER_TASK_FORCE);
        LedgerEntry granted = funding.ledger(pool).getFirst();

        funding.reverse(granted.id(), "Bevilget til forkert pulje", TASK_FORCE);

        assertThat(funding.ledger(pool)).extracting(entry -> entry.amount().ore())
                .containsExactly(30_000_000L, -30_000_000L);
        assertThat(funding.figures(pool).granted()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> funding.reverse(granted.id(), "igen", TASK_FORCE))
                .extracting(e -> ((FundingRuleException) e).messageKey()).isEqualTo("funding.error.alreadyReversed");
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET amount_ore = 1 WHERE id = :id")
                .param("id", granted.id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE id = :id")
                .param("id", granted.id()).update()).hasMessageContaining("append-only");
    }

    /** The overdraw of issue 10: a reversed grant's tranche was still paid while its money was granted again. */
    @Test
    void aReversedGrantsTranchesAreCancelledSoItsFreedMoneyIsPaidOnlyOnce() {
        long pool = aPool(Money.ofKroner(100_000));
        long grantA = funding.grant(decision(pool, Money.ofKroner(100_000), Money.ofKroner(100_000), null,
                Money.ofKroner(100_000)), TASK_FORCE);
        long trancheA = trancheCycle.tranches(grantA).getFirst().id();
        trancheCycle.submitReport(trancheA, "Rapport før modposteringen", new Actor(1L, "Projektleder"));

        funding.reverse(grantedEntryOf(pool, grantA), "Bevilget til forkert projekt", TASK_FORCE);
        long grantB = funding.grant(decision(pool, Money.ofKroner(100_000), Money.ofKroner(100_000), null,
                Money.ofKroner(100_000)), TASK_FORCE);
        long trancheB = trancheCycle.tranches(grantB).getFirst().id();
        trancheCycle.submitReport(trancheB, "Rapport", new Actor(1L, "Projektleder"));
        trancheCycle.approveReport(trancheB, null, TASK_FORCE);
        trancheCycle.markPaid(trancheB, FINANCE);

        assertThat(trancheCycle.tranche(trancheA).status()).isEqualTo(TrancheStatus.CANCELLED);
        assertThatThrownBy(() -> trancheCycle.approveReport(trancheA, null, TASK_FORCE))
                .extracting(e -> ((FundingRuleException) e).messageKey()).isEqualTo("funding.error.noReportToDecide");
        assertThatThrownBy(() -> trancheCycle.markPaid(trancheA, FINANCE))
                .extracting(e -> ((FundingRuleException) e).messageKey()).isEqualTo("funding.error.notReleased");
        assertThat(funding.figures(pool).paid()).isEqualTo(Money.ofKroner(100_000));
    }

    @Test
    void refusesToReverseAGrantWhileATrancheIsReleasedUntilThePaymentIsReversedNoLonger() {
        long pool = aPool(Money.ofKroner(100_000));
        long grant = funding.grant(decision(pool, Money.ofKroner(100_000), Money.ofKroner(100_000), null,
                Money.ofKroner(50_000), Money.ofKroner(50_000)), TASK_FORCE);
        long first = trancheCycle.tranches(grant).getFirst().id();
        trancheCycle.submitReport(first, "Rapport", new Actor(1L, "Projektleder"));
        trancheCycle.approveReport(first, null, TASK_FORCE);

        assertThatThrownBy(() -> funding.reverse(grantedEntryOf(pool, grant), "Fejl", TASK_FORCE))
                .extracting(e -> ((FundingRuleException) e).messageKey())
                .isEqualTo("funding.error.reversalWhilePayable");
        trancheCycle.markPaid(first, FINANCE);
        assertThatThrownBy(() -> funding.reverse(grantedEntryOf(pool, grant), "Fejl", TASK_FORCE))
                .extracting(e -> ((FundingRuleException) e).messageKey())
                .isEqualTo("funding.error.reversalWhilePayable");

        // reversing the payment makes the tranche payable again: reversing the grant is still refused
        long paid = funding.ledger(pool).stream().filter(e -> e.kind() == LedgerEntry.Kind.PAID).findFirst()
                .orElseThrow().id();
        funding.reverse(paid, "Udbetalt til forkert konto", FINANCE);
        assertThat(trancheCycle.tranche(first).status()).isEqualTo(TrancheStatus.RELEASED);
        assertThat(funding.figures(pool).paid()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> funding.reverse(grantedEntryOf(pool, grant), "Fejl", TASK_FORCE))
                .isInstanceOf(FundingRuleException.class);
        assertThat(funding.figures(pool).granted()).isEqualTo(Money.ofKroner(100_000));
    }

    /** The database keeps the invariants itself, whatever code (or hand-written SQL) writes the rows. */
    @Test
    void theDatabaseRefusesRowsThatBreakTheLedgersInvariants() {
        long pool = aPool(Money.ofKroner(100_000));
        long grant = funding.grant(decision(pool, Money.ofKroner(100_000), Money.ofKroner(100_000), null,
                Money.ofKroner(100_000)), TASK_FORCE);
        long tranche = trancheCycle.tranches(grant).getFirst().id();

        // a payment the ledger records for a tranche that is not released: paid > released
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO ledger_entry (pool_id, grant_id, tranche_id, kind, amount_ore, recorded_by_name)
                VALUES (:pool, :grant, :tranche, 'PAID', 10000000, 'hånd')""")
                .param("pool", pool).param("grant", grant).param("tranche", tranche).update())
                .hasMessageContaining("funding invariant");
        // a grant beyond the pool: granted - reversed > pool
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO ledger_entry (pool_id, grant_id, kind, amount_ore, recorded_by_name)
                VALUES (:pool, NULL, 'GRANTED', 1, 'hånd')""")
                .param("pool", pool).update())
                .hasMessageContaining("funding invariant");
        // a tranche released without the money granted: released > granted after the grant is reversed by hand
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO ledger_entry (pool_id, grant_id, kind, amount_ore, reverses_entry_id, recorded_by_name)
                VALUES (:pool, :grant, 'GRANTED', -10000000, :entry, 'hånd')""")
                .param("pool", pool).param("grant", grant).param("entry", grantedEntryOf(pool, grant)).update())
                .hasMessageContaining("funding invariant");
        assertThat(funding.figures(pool).granted()).isEqualTo(Money.ofKroner(100_000));
    }

    private long grantedEntryOf(long pool, long grant) {
        return funding.ledger(pool).stream()
                .filter(e -> e.kind() == LedgerEntry.Kind.GRANTED && e.grantId() == grant && e.reversesEntryId() == null)
                .findFirst().orElseThrow().id();
    }

    @Test
    void listsReportsThatAreOverdue() {
        long pool = aPool(Money.ofKroner(1_000_000));
        long grant = funding.grant(new GrantDecision(pool, "Forældre med syge børn " + SEQUENCE.incrementAndGet(), null,
                Money.ofKroner(500_000), Money.ofKroner(500_000), null, List.of(
                        new GrantDecision.NewTranche(Money.ofKroner(250_000), LocalDate.of(2014, 1, 31)),
                        new GrantDecision.NewTranche(Money.ofKroner(250_000), LocalDate.of(2014, 12, 31)))),
                TASK_FORCE);

        assertThat(trancheCycle.overdueReports(MID_2014)).filteredOn(report -> report.grantId() == grant)
                .extracting(OverdueReport::trancheNumber).containsExactly(1);
        trancheCycle.submitReport(trancheCycle.tranches(grant).getFirst().id(), "Forsinket rapport", new Actor(1L, "Leder"));
        assertThat(trancheCycle.overdueReports(MID_2014)).filteredOn(report -> report.grantId() == grant).isEmpty();
    }

    private long aPool(Money amount) {
        return funding.createPool("Testpulje " + SEQUENCE.incrementAndGet(), Region.MIDTJYLLAND, amount, 2012, 2013);
    }

    private static GrantDecision decision(long pool, Money applied, Money amount, String reason, Money... tranches) {
        List<GrantDecision.NewTranche> schedule = new ArrayList<>();
        for (int i = 0; i < tranches.length; i++) {
            schedule.add(new GrantDecision.NewTranche(tranches[i], MID_2014.plusMonths(6L * i)));
        }
        return new GrantDecision(pool, "Telemedicinsk servicecenter " + SEQUENCE.incrementAndGet(), null, applied,
                amount, reason, schedule);
    }
}
