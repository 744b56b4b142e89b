package dk.tvaers.platform.web;

import dk.tvaers.shared.Role;
import java.time.Instant;

/**
 * One line of a user's worklist on "Mine sider": for which of the user's roles, the message key of what waits
 * (its text takes the count as {0}), how many (counted in the database), where to work on it, and since when the
 * oldest of them has waited ({@code null} when there is none or age does not matter). Lower {@code order} first.
 */
public record WorklistItem(Role role, String labelKey, long count, String href, Instant oldest, int order) {

    public static WorklistItem of(Role role, String labelKey, long count, String href, int order) {
        return new WorklistItem(role, labelKey, count, href, null, order);
    }
}
