package dk.tvaers.registrations;

/** Where a registration came from. Whatever the source, a course, time point and indicator is one registration. */
public enum Source {
    FORM, FILE, API, DEMO
}
