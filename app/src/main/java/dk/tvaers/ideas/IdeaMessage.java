package dk.tvaers.ideas;

import java.time.Instant;

/** One entry in the thread between the clinic and the submitter (status changes are in the idea's history). */
public record IdeaMessage(long id, Kind kind, String authorName, String body, Instant at) {

    public enum Kind {
        QUESTION,
        ANSWER;

        public String messageKey() {
            return "ideaMessage." + name();
        }
    }
}
