package dk.tvaers.registrations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SPI: the social strata of pseudonymous citizens, where Tværs knows them. Implemented by the module that holds
 * person-level background data (monitoring, from its analytic store); registrations knows nothing of it. No
 * implementation, or an empty answer, means the strata are not known, and the benchmark page says so.
 */
public interface CitizenStrata {

    /** A course's citizen: the key the caller gives it back by, the pseudonymous id and the course's start. */
    record Citizen(long key, String personRef, LocalDate start) {}

    /**
     * The strata the data hold: {@code byKey} has every citizen the data know (with the strata they are in, perhaps
     * none); a citizen the data do not hold is absent. {@code source} names the data (e.g. their version), so the
     * kept figures are recomputed when it changes.
     */
    record Known(String source, Map<Long, Set<Stratum>> byKey) {}

    /** The name of the data the strata would be read from now; empty when none are known. Cheap. */
    Optional<String> source();

    /** The strata of the given citizens; empty when no data are known. */
    Optional<Known> of(Collection<Citizen> citizens);
}
