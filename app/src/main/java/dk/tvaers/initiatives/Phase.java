package dk.tvaers.initiatives;

/** The phases of an innovation: Nyt (new), Nyttigt (useful, value documented), Nyttiggjort (put to use, spread). */
public enum Phase {
    NEW,
    USEFUL,
    PUT_TO_USE;

    public String messageKey() {
        return "phase." + name();
    }
}
