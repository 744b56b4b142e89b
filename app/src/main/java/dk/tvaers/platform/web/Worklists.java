package dk.tvaers.platform.web;

import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.shared.Role;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Collects every module's worklist items for one user, grouped by the user's roles in the roles' order. */
@Component
public class Worklists {

    private final ObjectProvider<WorklistContributor> contributors;

    Worklists(ObjectProvider<WorklistContributor> contributors) {
        this.contributors = contributors;
    }

    public Map<Role, List<WorklistItem>> of(CurrentUser user) {
        return contributors.stream()
                .flatMap(contributor -> contributor.worklist(user).stream())
                .filter(item -> user.hasRole(item.role()))
                .sorted(Comparator.comparing(WorklistItem::role).thenComparingInt(WorklistItem::order))
                .collect(Collectors.groupingBy(WorklistItem::role, LinkedHashMap::new,
                        Collectors.mapping(Function.identity(), Collectors.toList())));
    }
}
