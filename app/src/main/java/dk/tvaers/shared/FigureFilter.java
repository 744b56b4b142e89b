package dk.tvaers.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;

/**
 * The filters of the innovation-capacity figures (issue 15), which every module that gives figures applies in its
 * own SQL: a region, a sector, a kind of innovation, a period of whole years (both ends included, Danish time) and
 * the ideas' source (only ideas have one: the other figures are not divided by it). Any of them may be absent.
 */
public record FigureFilter(Region region, Sector sector, InnovationType type, Integer fromYear, Integer toYear,
        IdeaSource source) {

    public static final FigureFilter ALL = new FigureFilter(null, null, null, null, null, null);

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    public FigureFilter(Region region, Sector sector, InnovationType type, Integer fromYear, Integer toYear) {
        this(region, sector, type, fromYear, toYear, null);
    }

    public FigureFilter {
        if (fromYear != null && toYear != null && toYear < fromYear) {
            Integer swap = fromYear;
            fromYear = toYear;
            toYear = swap;
        }
    }

    /** The first instant of the period, or null. */
    public OffsetDateTime from() {
        return fromYear == null ? null : LocalDate.of(fromYear, 1, 1).atStartOfDay(DANISH).toOffsetDateTime();
    }

    /** The first instant after the period, or null. */
    public OffsetDateTime until() {
        return toYear == null ? null : LocalDate.of(toYear + 1, 1, 1).atStartOfDay(DANISH).toOffsetDateTime();
    }

    public LocalDate fromDate() {
        return fromYear == null ? null : LocalDate.of(fromYear, 1, 1);
    }

    public LocalDate untilDate() {
        return toYear == null ? null : LocalDate.of(toYear + 1, 1, 1);
    }
}
