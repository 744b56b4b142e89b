package dk.tvaers.ideas.web;

import dk.tvaers.ideas.Idea;
import dk.tvaers.ideas.IdeaMessage;
import dk.tvaers.ideas.Score;
import java.util.List;

/**
 * What the clinic should do next with an idea, shown in the overview at the top of its page (issue 11, item 19) with a
 * link to the section where it is done: decided ideas have none; then take it (assign), answer a reply, wait for the
 * submitter's answer, give one's own score, and last decide.
 */
record ClinicNextStep(String messageKey, String anchor) {

    static ClinicNextStep of(Idea idea, List<IdeaMessage> thread, List<Score> scores, Long me) {
        if (idea.status().isOutcome()) {
            return new ClinicNextStep("clinic.next.decided", "historik");
        }
        if (idea.assignedToUserId() == null) {
            return new ClinicNextStep("clinic.next.assign", "tildel");
        }
        IdeaMessage.Kind last = thread.isEmpty() ? null : thread.getLast().kind();
        if (last == IdeaMessage.Kind.ANSWER) {
            return new ClinicNextStep("clinic.next.reply", "traad");
        }
        if (last == IdeaMessage.Kind.QUESTION) {
            return new ClinicNextStep("clinic.next.waiting", "traad");
        }
        if (me == null || scores.stream().noneMatch(s -> s.assessorId() == me)) {
            return new ClinicNextStep("clinic.next.score", "scorekort");
        }
        return new ClinicNextStep("clinic.next.decide", "udfald");
    }
}
