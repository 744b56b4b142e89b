package dk.tvaers.challenges;

import dk.tvaers.shared.Region;
import java.time.Instant;
import java.util.List;

/** A published challenge with its calls, newest round last. */
public record Challenge(long id, ChallengeKind kind, String title, String vision, String description, String question,
        Region region, Instant publishedAt, String publishedBy, List<Call> calls) {

    /** The latest call, or null when the challenge has none. */
    public Call currentCall() {
        return calls.isEmpty() ? null : calls.getLast();
    }

    /** Open: its latest call's deadline has not passed. */
    public boolean openAt(Instant now) {
        Call call = currentCall();
        return call != null && call.openAt(now);
    }

    /** A call for applications: its round, pool (may be none) and deadline. */
    public record Call(long id, int round, Long poolId, String poolName, Instant opensAt, Instant deadline) {

        public boolean openAt(Instant now) {
            return !now.isBefore(opensAt) && now.isBefore(deadline);
        }
    }
}
