package dk.tvaers.platform.web;

/**
 * Whether a signed-in user follows an idea, a challenge, an initiative or a case: implemented by the notifications
 * module, read by the shared follow button ({@code fragments/follow}), so a page need not know that module.
 * {@code subjectType} is one of IDEA, CHALLENGE, INITIATIVE, CASE.
 */
public interface FollowState {

    boolean follows(long userId, String subjectType, long subjectId);
}
