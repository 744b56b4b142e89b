package dk.tvaers.ideas;

/**
 * Who submits an idea: a logged-in user ({@code userId}), a person without an account (name and e-mail, who must
 * confirm), or a citizen helped by a member of staff ({@code assistedBy…}: the idea counts at once and is recorded as
 * assisted; the citizen's e-mail, if given, gets the follow link).
 */
public record Submitter(Long userId, String name, String email, Long assistedById, String assistedByName) {

    public static Submitter account(long userId, String name, String email) {
        return new Submitter(userId, name, email, null, null);
    }

    public static Submitter anonymous(String name, String email) {
        return new Submitter(null, name, email, null, null);
    }

    public static Submitter assisted(String name, String email, long staffId, String staffName) {
        return new Submitter(null, name, email, staffId, staffName);
    }

    public boolean mustConfirm() {
        return userId == null && assistedById == null;
    }
}
