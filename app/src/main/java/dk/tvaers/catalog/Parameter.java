package dk.tvaers.catalog;

/** The five parameters every case is assessed on, each scored 1–4 with a justification. */
public enum Parameter {
    /** Teori og viden. */
    THEORY("theory"),
    /** Virkning. */
    EFFECT("effect"),
    /** Beskrivelse. */
    DESCRIPTION("description"),
    /** Mål. */
    GOALS("goals"),
    /** Overførbarhed. */
    TRANSFERABILITY("transferability");

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 4;

    private final String field;

    Parameter(String field) {
        this.field = field;
    }

    /** The stem of the parameter's fields in forms and columns: {@code <field>Score}, {@code <field>Note}. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return "parameter." + name();
    }
}
