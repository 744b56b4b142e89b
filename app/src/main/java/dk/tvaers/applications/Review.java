package dk.tvaers.applications;

import java.time.Instant;
import java.util.Map;

/** A reviewer's scores (1–5 with a comment per criterion), recommendation and overall comment. */
public record Review(long id, long applicationId, int version, long reviewerUserId, String reviewerName,
        Map<ReviewCriterion, Score> scores, Recommendation recommendation, String comment, Instant reviewedAt) {

    public record Score(int score, String comment) {}

    public double average() {
        return scores.values().stream().mapToInt(Score::score).average().orElse(0);
    }
}
