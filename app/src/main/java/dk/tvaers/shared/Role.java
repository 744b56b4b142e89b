package dk.tvaers.shared;

/**
 * What a user may do in Tværs. A user holds one or more roles; a citizen belongs to no organisation.
 * The Spring Security authority of a role is {@code ROLE_<name>}.
 */
public enum Role {
    CITIZEN,
    STAFF,
    INNOVATION_CONSULTANT,
    TASK_FORCE,
    ANALYST,
    ADMINISTRATOR,
    /** Finance: marks released tranches as paid (the second of two steps). */
    FINANCE;

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
