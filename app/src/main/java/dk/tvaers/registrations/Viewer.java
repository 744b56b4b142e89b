package dk.tvaers.registrations;

import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.Role;
import java.util.Set;

/** Who asks: the signed-in user with their organisation (the unit they register for) and roles. */
public record Viewer(long userId, String name, Long organisationId, Set<Role> roles) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public Actor actor() {
        return new Actor(userId, name);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
