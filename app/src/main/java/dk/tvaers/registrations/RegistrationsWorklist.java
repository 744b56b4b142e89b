package dk.tvaers.registrations;

import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.platform.web.WorklistContributor;
import dk.tvaers.platform.web.WorklistItem;
import dk.tvaers.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** "Mine sider" for a professional of a registering unit: red PRO answers on the unit's triage list. */
@Component
class RegistrationsWorklist implements WorklistContributor {

    private final Pro pro;
    private final UserDirectory users;

    RegistrationsWorklist(Pro pro, UserDirectory users) {
        this.pro = pro;
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorklistItem> worklist(CurrentUser user) {
        if (!user.hasRole(Role.STAFF)) {
            return List.of();
        }
        Long unit = users.find(user.userId()).map(UserAccount::organisationId).orElse(null);
        if (unit == null) {
            return List.of();
        }
        Pro.Waiting waiting = pro.waiting(unit);
        if (waiting.count() == 0) {
            return List.of();
        }
        return List.of(new WorklistItem(Role.STAFF, "worklist.registrations.triage", waiting.count(),
                "/registreringer/triage", waiting.oldest(), 15));
    }
}
