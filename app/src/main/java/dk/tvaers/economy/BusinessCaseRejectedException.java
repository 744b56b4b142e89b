package dk.tvaers.economy;

import java.util.List;

/** A business case that breaks the rules is not saved; the problems say where and why. */
public class BusinessCaseRejectedException extends RuntimeException {

    private final List<Problem> problems;

    public BusinessCaseRejectedException(List<Problem> problems) {
        super("business case rejected: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
