package dk.tvaers.challenges;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class ChallengesNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(NavigationItem.forEveryone("/udfordringer", "nav.challenges", 200),
                NavigationItem.forRoles("/vilde-problemer", "nav.wickedProblems", 210, Role.STAFF,
                        Role.INNOVATION_CONSULTANT, Role.TASK_FORCE));
    }
}
