package dk.tvaers.platform.web;

import dk.tvaers.shared.Role;
import java.util.Set;

/**
 * One entry of the main navigation: where it goes, the message key of its label, its place in the order,
 * and the roles that see it (empty: everyone who is logged in; {@link #PUBLIC}: everyone).
 */
public record NavigationItem(String href, String labelKey, int order, Set<Role> roles, boolean isPublic) {

    public static final boolean PUBLIC = true;

    public static NavigationItem forRoles(String href, String labelKey, int order, Role... roles) {
        return new NavigationItem(href, labelKey, order, Set.of(roles), false);
    }

    public static NavigationItem forEveryone(String href, String labelKey, int order) {
        return new NavigationItem(href, labelKey, order, Set.of(), PUBLIC);
    }

    public static NavigationItem forSignedIn(String href, String labelKey, int order) {
        return new NavigationItem(href, labelKey, order, Set.of(), false);
    }
}
