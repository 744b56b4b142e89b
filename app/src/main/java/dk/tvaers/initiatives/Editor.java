package dk.tvaers.initiatives;

import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.Role;
import java.util.Set;

/** The signed-in user who changes an initiative's members or documents: who they are, where they work, their roles. */
public record Editor(long userId, String name, Long organisationId, Set<Role> roles) {

    public Editor {
        roles = Set.copyOf(roles);
    }

    public Actor actor() {
        return new Actor(userId, name);
    }

    boolean consultantOrTaskForce() {
        return roles.contains(Role.INNOVATION_CONSULTANT) || roles.contains(Role.TASK_FORCE);
    }
}
