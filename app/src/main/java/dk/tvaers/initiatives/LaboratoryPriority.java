package dk.tvaers.initiatives;

import java.time.Instant;

/** A laboratory's place in the steering group's priority order (1 is the highest), and a change to it. */
public record LaboratoryPriority(int rank, Initiative laboratory) {

    /** One change in a laboratory's priority: from (null the first time) and to which rank, why, by whom, when. */
    public record Change(Integer fromRank, int toRank, String note, String byName, Instant at) {}
}
