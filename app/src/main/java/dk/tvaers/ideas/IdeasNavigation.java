package dk.tvaers.ideas;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class IdeasNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                NavigationItem.forEveryone("/ideer", "nav.ideas", 200),
                NavigationItem.forSignedIn("/mine-ideer", "nav.myIdeas", 210),
                NavigationItem.forRoles("/idekliniken", "nav.clinic", 220, Role.INNOVATION_CONSULTANT),
                NavigationItem.forRoles("/moderation", "nav.moderation", 225, Role.INNOVATION_CONSULTANT),
                NavigationItem.forRoles("/admin/kriterier", "nav.admin.criteria", 940, Role.ADMINISTRATOR));
    }
}
