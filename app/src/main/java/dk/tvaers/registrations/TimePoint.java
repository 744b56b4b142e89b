package dk.tvaers.registrations;

/** When in a course an indicator is registered: the clarifying talk at the start, during, at the end, a follow-up. */
public enum TimePoint {
    START, DURING, END, FOLLOW_UP;

    public String messageKey() {
        return "registration.timePoint." + name();
    }

    /** The name in a file or a URL: {@code start}, {@code undervejs}, {@code slut}, {@code opfoelgning}. */
    public String slug() {
        return switch (this) {
            case START -> "start";
            case DURING -> "undervejs";
            case END -> "slut";
            case FOLLOW_UP -> "opfoelgning";
        };
    }

    public static TimePoint ofSlug(String slug) {
        for (TimePoint t : values()) {
            if (t.slug().equals(slug) || t.name().equals(slug)) {
                return t;
            }
        }
        return null;
    }
}
