package dk.tvaers.funding;

import java.time.Instant;

/** A progress report for a tranche, and the Task Force's decision on it (null while undecided). */
public record ProgressReport(long id, long trancheId, String body, String submittedByName, Instant submittedAt,
        ReportDecision decision, String decisionNote, String decidedByName, Instant decidedAt) {

    public enum ReportDecision {
        APPROVED,
        RETURNED;

        public String messageKey() {
            return "report.decision." + name();
        }
    }
}
