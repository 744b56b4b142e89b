package dk.tvaers.registrations;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class RegistrationsNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(NavigationItem.forRoles("/registreringer", "nav.registrations", 650, Role.STAFF,
                Role.ANALYST), NavigationItem.forRoles("/registreringer/skemadefinitioner", "nav.schemeDefinitions",
                651, Role.ANALYST, Role.INNOVATION_CONSULTANT));
    }
}
