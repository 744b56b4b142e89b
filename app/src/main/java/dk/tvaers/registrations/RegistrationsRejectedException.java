package dk.tvaers.registrations;

import java.util.List;

/** Registrations that break a rule; nothing of them was saved. */
public class RegistrationsRejectedException extends RuntimeException {

    private final transient List<Problem> problems;

    public RegistrationsRejectedException(List<Problem> problems) {
        super(problems.size() + " problem(s) in registrations");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
