package dk.tvaers.registrations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registration scheme version: its initiative, whether it is published (registered under, fixed) or a draft its
 * definers may still change, the days after a course's start at which each time point is due, the units that
 * register, and its indicators in order.
 */
public record Scheme(long id, long initiativeId, String code, int version, String name, boolean published,
        Map<TimePoint, Integer> dueAfterDays, List<Unit> units, List<Indicator> indicators) {

    public Scheme {
        dueAfterDays = Map.copyOf(dueAfterDays);
        units = List.copyOf(units);
        indicators = List.copyOf(indicators);
    }

    /** The time points of the scheme in course order. */
    public List<TimePoint> timePoints() {
        return java.util.Arrays.stream(TimePoint.values()).filter(dueAfterDays::containsKey).toList();
    }

    public LocalDate dueDate(LocalDate courseStart, TimePoint timePoint) {
        return courseStart.plusDays(dueAfterDays.getOrDefault(timePoint, 0));
    }

    public List<Indicator> indicatorsAt(TimePoint timePoint) {
        return indicators.stream().filter(i -> i.dueAt(timePoint)).toList();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Unit> unit(long organisationId) {
        return units.stream().filter(u -> u.organisationId() == organisationId).findFirst();
    }

    public Optional<Unit> unitByCode(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
    }

    public String title() {
        return name + " (v" + version + ")";
    }
}
