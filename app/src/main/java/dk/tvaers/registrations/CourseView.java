package dk.tvaers.registrations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A course with its scheme and, per time point, when it is due, what is registered and what required is missing. */
public record CourseView(Course course, Scheme scheme, List<Stage> stages) {

    public record Stage(TimePoint timePoint, LocalDate dueDate, boolean due, Map<String, Registered> values,
            List<Indicator> indicators, List<Indicator> missing, boolean hasDrafts) {

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    public Stage stage(TimePoint timePoint) {
        return stages.stream().filter(s -> s.timePoint() == timePoint).findFirst().orElse(null);
    }
}
