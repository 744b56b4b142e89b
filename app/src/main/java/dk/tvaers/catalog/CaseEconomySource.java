package dk.tvaers.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a catalogue case gets the key figures of its initiative's approved business case, shown in the case's
 * "Økonomi" section. Implemented by the economy module (which depends on this one, not the other way round); with no
 * implementation, or no approved business case, the section shows the case's own text only.
 */
public interface CaseEconomySource {

    /** The approved business case of the initiative, if it has one. */
    Optional<CaseEconomy> approvedOf(long initiativeId);

    /**
     * Key figures of an approved business case, money in øre. {@code breakEvenMonth} is null when the cumulative net
     * never turns positive; {@code reconstructed} marks demo figures rebuilt from published ones.
     */
    record CaseEconomy(long initiativeId, int version, Instant approvedAt, int horizonYears, int plannedCitizens,
            Integer breakEvenMonth, long npvOre, int discountRateBasisPoints, long steadyStateYearNetOre,
            boolean neutral, boolean reconstructed, List<SectorNet> sectors) {}

    /** One sector's net in the steady-state year; {@code sectorKey} is the message key of the sector's name. */
    record SectorNet(String sectorKey, long steadyStateYearNetOre) {}
}
