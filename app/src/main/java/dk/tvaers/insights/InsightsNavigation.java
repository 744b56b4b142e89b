package dk.tvaers.insights;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class InsightsNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(NavigationItem.forRoles("/innovationskapacitet", "nav.capacity", 850, Role.TASK_FORCE,
                        Role.ANALYST, Role.INNOVATION_CONSULTANT, Role.ADMINISTRATOR),
                NavigationItem.forEveryone("/aabne-data", "nav.openData", 900));
    }
}
