package dk.tvaers.initiatives;

/** The part a member (an organisation or a person) plays in an initiative. */
public enum MemberRole {
    PROJECT_LEAD,
    PARTICIPANT,
    CONTACT;

    public String messageKey() {
        return "member.role." + name();
    }
}
