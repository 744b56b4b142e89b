package dk.tvaers.initiatives;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A trial action (prøvehandling): a small "what if" experiment with a start, and decisions taken on what was
 * observed — keep it, change it, or stop it — newest last.
 */
public record TrialAction(long id, long initiativeId, String hypothesis, LocalDate startedOn, Status status,
        List<Decision> decisions) {

    public enum Status {
        RUNNING,
        KEPT,
        CHANGED,
        STOPPED;

        public String messageKey() {
            return "trialAction.status." + name();
        }
    }

    public enum Choice {
        KEEP,
        CHANGE,
        STOP;

        public String messageKey() {
            return "trialAction.choice." + name();
        }

        Status status() {
            return switch (this) {
                case KEEP -> Status.KEPT;
                case CHANGE -> Status.CHANGED;
                case STOP -> Status.STOPPED;
            };
        }
    }

    /** What was observed and what was decided on it. */
    public record Decision(String observation, Choice choice, String byName, Instant at) {}

    /** A stopped trial action is closed: nothing more is decided on it. */
    public boolean open() {
        return status != Status.STOPPED;
    }
}
