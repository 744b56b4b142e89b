package dk.tvaers.funding;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class FundingNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(NavigationItem.forRoles("/finansiering", "nav.funding", 400, Role.TASK_FORCE, Role.FINANCE));
    }
}
