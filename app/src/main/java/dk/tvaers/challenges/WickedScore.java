package dk.tvaers.challenges;

import java.time.Instant;

/** One Task Force member's score of a wicked problem (1–5 per criterion) with their comment. */
public record WickedScore(long scorerUserId, String scorerName, int size, int reach, int urgency, String comment,
        Instant scoredAt) {

    public int total() {
        return size + reach + urgency;
    }
}
