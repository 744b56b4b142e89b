package dk.tvaers.challenges;

/**
 * A wicked problem's place in the Task Force's ranking: the average of every member's score per criterion, their
 * sum (the total, 3–15), and the rank by total (equal totals share a rank).
 */
public record PrioritisedProblem(int rank, WickedProblem problem, double size, double reach, double urgency,
        int scorers) {

    public double total() {
        return size + reach + urgency;
    }
}
