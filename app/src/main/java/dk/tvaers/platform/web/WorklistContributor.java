package dk.tvaers.platform.web;

import dk.tvaers.platform.security.CurrentUser;
import java.util.List;

/**
 * Implemented by each module that has work waiting for someone (like {@link NavigationContributor}): the items of
 * "Mine sider" for the signed-in user, counted by the module's own services in SQL. A module returns nothing for a
 * user without the roles concerned; it never reads another module's tables.
 */
public interface WorklistContributor {

    List<WorklistItem> worklist(CurrentUser user);
}
