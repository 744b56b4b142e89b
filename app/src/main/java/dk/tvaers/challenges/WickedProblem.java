package dk.tvaers.challenges;

import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.time.Instant;
import java.util.List;

/**
 * A wicked problem collected from staff or an organisation, with how many Task Force members have scored it and
 * the challenge it became (if it did).
 */
public record WickedProblem(long id, String title, String description, String affected, List<Sector> sectors,
        Region region, long submittedByUserId, String submittedByName, String organisationName, Instant submittedAt,
        Long challengeId, int scorers) {

    public WickedProblemStatus status() {
        if (challengeId != null) {
            return WickedProblemStatus.PUBLISHED;
        }
        return scorers == 0 ? WickedProblemStatus.RECEIVED : WickedProblemStatus.BEING_PRIORITISED;
    }
}
