package dk.tvaers.applications;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class ApplicationsNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                NavigationItem.forRoles("/konsortier", "nav.consortia", 210, Role.STAFF, Role.INNOVATION_CONSULTANT,
                        Role.TASK_FORCE),
                NavigationItem.forRoles("/ansoegninger", "nav.applications", 220, Role.TASK_FORCE),
                NavigationItem.forRoles("/bedoemmelser", "nav.reviews", 230, Role.STAFF, Role.INNOVATION_CONSULTANT,
                        Role.TASK_FORCE));
    }
}
