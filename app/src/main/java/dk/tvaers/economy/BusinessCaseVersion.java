package dk.tvaers.economy;

import java.time.Instant;

/**
 * One saved version of an initiative's business case. {@code reconstructed} marks demo figures rebuilt from
 * published ones; {@code approvedAt} is set on the one version the Task Force approved.
 */
public record BusinessCaseVersion(long id, long initiativeId, int number, Plan plan, String note,
        boolean reconstructed, Instant savedAt, String savedByName, Instant approvedAt, String approvedByName) {

    public boolean approved() {
        return approvedAt != null;
    }

    public KeyFigures figures() {
        return KeyFigures.of(plan);
    }
}
