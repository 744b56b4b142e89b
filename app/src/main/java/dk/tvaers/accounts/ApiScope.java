package dk.tvaers.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a machine client of the API may do (ADR 0039). A token carries the client's scopes; the API's endpoints ask for
 * one with {@code @PreAuthorize("hasAuthority('SCOPE_<value>')")}. The open datasets under {@code /api/v1} need none;
 * a read scope gives the rows the client's organisation may read beyond them.
 */
public enum ApiScope {
    /** Send registrations of the client's own organisation's units ({@code POST /api/v1/registrations}). */
    REGISTRATIONS_WRITE("registrations.write"),
    /**
     * Read the client's own organisation's initiatives with what the open data leaves out ({@code GET
     * /api/v1/egne/initiativer}): what the organisation's staff read on the web pages (ADR 0045).
     */
    INITIATIVES_READ("initiatives.read");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    /** The scope's name in tokens and in the token request. */
    public String value() {
        return value;
    }

    public String authority() {
        return "SCOPE_" + value;
    }

    public String messageKey() {
        return "apiClient.scope." + name();
    }

    public static Optional<ApiScope> ofValue(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
