package dk.tvaers.initiatives;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * The signed-in person as the initiatives module and the modules built on it (economy, monitoring) judge rights on an
 * initiative: their account, name, organisation and roles. One place, so every page asks the same question.
 */
@Component
public class Editors {

    private final UserDirectory users;

    public Editors(UserDirectory users) {
        this.users = users;
    }

    /** The person as an {@link Editor}; null when nobody is signed in. */
    public Editor of(AccountPrincipal principal) {
        if (principal == null) {
            return null;
        }
        Long organisationId = users.find(principal.userId()).map(UserAccount::organisationId).orElse(null);
        return new Editor(principal.userId(), principal.displayName(), organisationId, principal.roles());
    }
}
