package dk.tvaers.initiatives;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class InitiativesNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(NavigationItem.forSignedIn("/initiativer", "nav.initiatives", 300));
    }
}
