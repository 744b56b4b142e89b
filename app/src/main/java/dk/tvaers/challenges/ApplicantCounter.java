package dk.tvaers.challenges;

/**
 * How many applications were submitted to a call. Implemented by the module that keeps applications, so that
 * {@link Challenges#reopen} can refuse to open a call again once anyone applied to it, without challenges
 * depending on that module.
 */
public interface ApplicantCounter {

    /** The number of applications submitted to the call ({@code challenge_call.id}). */
    long submittedTo(long callId);
}
