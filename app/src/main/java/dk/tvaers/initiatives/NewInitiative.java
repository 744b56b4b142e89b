package dk.tvaers.initiatives;

import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.util.Set;

/** What it takes to start an initiative; it always starts in phase {@link Phase#NEW}. */
public record NewInitiative(
        String title,
        String summary,
        InitiativeKind kind,
        InnovationType innovationType,
        Long ownerOrganisationId,
        Set<Sector> sectors,
        Long sourceIdeaId) {}
