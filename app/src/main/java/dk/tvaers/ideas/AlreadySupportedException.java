package dk.tvaers.ideas;

/** A person may support an idea once. */
public class AlreadySupportedException extends RuntimeException {

    public AlreadySupportedException(long ideaId) {
        super("already supports idea " + ideaId);
    }
}
