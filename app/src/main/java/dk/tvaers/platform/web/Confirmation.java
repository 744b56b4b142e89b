package dk.tvaers.platform.web;

/**
 * The server's half of a confirmation step (ADR 0020): an irreversible action (submit an application, decide, release
 * or pay a tranche, publish a case) is done only when its form's "confirmed" checkbox
 * ({@code fragments/forms :: confirm}) was ticked. The browser requires it too, but a form posted without it (no
 * JavaScript, an old page, a script) must not act.
 */
public final class Confirmation {

    /** The request parameter of the checkbox. */
    public static final String PARAMETER = "confirmed";

    /** The message shown when it is missing. */
    public static final String MISSING = "confirm.required";

    private Confirmation() {}

    public static boolean given(String confirmed) {
        return "true".equals(confirmed);
    }
}
