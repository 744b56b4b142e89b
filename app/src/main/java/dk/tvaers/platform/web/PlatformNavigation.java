package dk.tvaers.platform.web;

import java.util.List;
import org.springframework.stereotype.Component;

@Component
class PlatformNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(NavigationItem.forEveryone("/", "nav.home", 0),
                NavigationItem.forSignedIn("/mine-sider", "nav.worklist", 1));
    }
}
