package dk.tvaers.accounts;

/** Thrown when a name or e-mail address that must be unique is already taken. */
public class DuplicateNameException extends RuntimeException {

    private final String field;

    public DuplicateNameException(String field) {
        super("duplicate " + field);
        this.field = field;
    }

    /** The form field the duplicate belongs to. */
    public String field() {
        return field;
    }
}
