package dk.tvaers.monitoring;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class MonitoringNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(NavigationItem.forRoles("/analyse", "nav.monitoring", 400, Role.ANALYST));
    }
}
