package dk.tvaers.catalog;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class CatalogNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(NavigationItem.forEveryone("/katalog", "nav.catalog", 500),
                NavigationItem.forEveryone("/historier", "nav.stories", 510));
    }
}
