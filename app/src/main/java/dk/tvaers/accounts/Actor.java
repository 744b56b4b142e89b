package dk.tvaers.accounts;

/** Who did something, as the audit log records it. {@link #SYSTEM} is Tværs itself (start-up, demo data). */
public record Actor(Long id, String name) {

    public static final Actor SYSTEM = new Actor(null, "system");
}
