package dk.tvaers.accounts.web;

import dk.tvaers.platform.web.SelectOption;
import java.util.List;

/** The status filter the administrator's lists of organisations and users share. */
final class AdminFilters {

    /** The choices of the status filter: active or not ("aktiv", "inaktiv" in the address). */
    static final List<SelectOption> STATUSES = List.of(
            SelectOption.ofKey("aktiv", "admin.status.active"),
            SelectOption.ofKey("inaktiv", "admin.status.inactive"));

    private AdminFilters() {}

    /** The status filter as the services take it: true, false, or null for both. */
    static Boolean active(String status) {
        return switch (status == null ? "" : status) {
            case "aktiv" -> Boolean.TRUE;
            case "inaktiv" -> Boolean.FALSE;
            default -> null;
        };
    }
}
