package dk.tvaers.notifications;

import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseVersion;
import dk.tvaers.challenges.Challenge;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.ideas.Idea;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.platform.web.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The title of a subject that may be followed, through its own module's public API; empty when there is none or
 * it is not public (an unconfirmed idea, an unpublished case).
 */
@Component
class Subjects {

    private final Ideas ideas;
    private final Challenges challenges;
    private final Initiatives initiatives;
    private final CaseCatalog catalog;

    Subjects(Ideas ideas, Challenges challenges, Initiatives initiatives, CaseCatalog catalog) {
        this.ideas = ideas;
        this.challenges = challenges;
        this.initiatives = initiatives;
        this.catalog = catalog;
    }

    Optional<String> title(SubjectType type, long id) {
        return switch (type) {
            case IDEA -> ideas.findPublished(id).map(Idea::title);
            case CHALLENGE -> challenge(id);
            case INITIATIVE -> initiatives.find(id).map(Initiative::title);
            case CASE -> catalog.publishedVersion(id).map(CaseVersion::title);
            // person-level: nobody follows a course; its unit's professionals are told by NotificationSources
            case COURSE -> Optional.empty();
        };
    }

    private Optional<String> challenge(long id) {
        try {
            return Optional.of(challenges.find(id)).map(Challenge::title);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
