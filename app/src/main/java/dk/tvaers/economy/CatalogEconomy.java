package dk.tvaers.economy;

import dk.tvaers.catalog.CaseEconomySource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives the catalogue the approved business case's key figures (catalog knows nothing of economy). */
@Component
class CatalogEconomy implements CaseEconomySource {

    private final BusinessCases businessCases;

    CatalogEconomy(BusinessCases businessCases) {
        this.businessCases = businessCases;
    }

    @Override
    public Optional<CaseEconomy> approvedOf(long initiativeId) {
        return businessCases.approved(initiativeId).map(version -> {
            KeyFigures figures = version.figures();
            Plan plan = version.plan();
            return new CaseEconomy(initiativeId, version.number(), version.approvedAt(), plan.horizonYears(),
                    plan.plannedCitizens(), figures.breakEvenMonth(), figures.npvOre(), plan.discountRateBasisPoints(),
                    figures.steadyStateYearNetOre(), figures.neutral(), version.reconstructed(),
                    figures.sectors().stream().map(s -> new SectorNet(s.messageKey(),
                            figures.steadyStateBySector().get(s))).toList());
        });
    }
}
