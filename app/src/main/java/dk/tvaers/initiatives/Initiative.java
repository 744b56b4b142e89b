package dk.tvaers.initiatives;

import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.time.Instant;
import java.util.Set;

/** An initiative as pages show it. {@code sourceIdeaId} is the idea it came from, if any. */
public record Initiative(
        long id,
        String title,
        String summary,
        InitiativeKind kind,
        InnovationType innovationType,
        Phase phase,
        Long ownerOrganisationId,
        String ownerOrganisationName,
        Set<Sector> sectors,
        Long sourceIdeaId,
        Instant createdAt) {

    /** Cross-sector: at least two sectors of the health-care triangle take part. */
    public boolean crossSector() {
        return sectors.stream().filter(Sector::isHealthCare).count() >= 2;
    }
}
