package dk.tvaers.accounts;

import dk.tvaers.platform.web.NavigationContributor;
import dk.tvaers.platform.web.NavigationItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class AccountsNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                NavigationItem.forSignedIn("/profil", "nav.profile", 900),
                NavigationItem.forRoles("/admin/organisationer", "nav.admin.organisations", 910, Role.ADMINISTRATOR),
                NavigationItem.forRoles("/admin/brugere", "nav.admin.users", 920, Role.ADMINISTRATOR),
                NavigationItem.forRoles("/admin/revisionslog", "nav.admin.audit", 930, Role.ADMINISTRATOR),
                NavigationItem.forRoles("/admin/api-klienter", "nav.admin.apiClients", 935, Role.ADMINISTRATOR));
    }
}
