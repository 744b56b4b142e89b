package dk.tvaers.registrations.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.registrations.Viewer;
import org.springframework.stereotype.Component;

/** The signed-in user as the registrations module's services see them: with the unit they work at. */
@Component
class Viewers {

    private final UserDirectory users;

    Viewers(UserDirectory users) {
        this.users = users;
    }

    Viewer of(AccountPrincipal principal) {
        if (principal == null) {
            return null;
        }
        Long organisationId = users.find(principal.userId()).map(UserAccount::organisationId).orElse(null);
        return new Viewer(principal.userId(), principal.displayName(), organisationId, principal.roles());
    }
}
