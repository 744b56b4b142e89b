package dk.tvaers.notifications;

import dk.tvaers.catalog.CasePublished;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.challenges.ChallengeCallOpened;
import dk.tvaers.ideas.ContentModerated;
import dk.tvaers.ideas.IdeaCommented;
import dk.tvaers.ideas.IdeaStatus;
import dk.tvaers.ideas.IdeaStatusChanged;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.initiatives.InitiativePhaseChanged;
import dk.tvaers.notifications.Notifications.Happening;
import dk.tvaers.registrations.CourseTriagedRed;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.accounts.UserDirectory;
import dk.tvaers.shared.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' past-tense events into notices for the followers of their subject. Each event's key is
 * made from the row it recorded (a status change, a comment, a call, a phase change, a case version), so a
 * redelivered event makes no second notice.
 */
@Component
class NotificationSources {

    private final Notifications notifications;
    private final Subjects subjects;
    private final Ideas ideas;
    private final CaseCatalog catalog;
    private final UserDirectory users;

    NotificationSources(Notifications notifications, Subjects subjects, Ideas ideas, CaseCatalog catalog,
            UserDirectory users) {
        this.notifications = notifications;
        this.subjects = subjects;
        this.ideas = ideas;
        this.catalog = catalog;
        this.users = users;
    }

    /** A submitter (an idea's own follower) is mailed by the ideas module; here they get the notice in Tværs only. */
    @ApplicationModuleListener
    void ideaStatusChanged(IdeaStatusChanged event) {
        if (!event.to().isVisible() || event.from() == IdeaStatus.UNCONFIRMED) {
            return;
        }
        subjects.title(SubjectType.IDEA, event.ideaId()).ifPresent(title -> notifications.notify(
                new Happening("idea-status:" + event.changeId(), NotificationKind.IDEA_STATUS, event.ideaId(), title,
                        event.to().messageKey(), null),
                user -> ideas.follows(event.ideaId(), user)));
    }

    @ApplicationModuleListener
    void ideaCommented(IdeaCommented event) {
        subjects.title(SubjectType.IDEA, event.ideaId()).ifPresent(title -> notifications.notify(
                new Happening("idea-comment:" + event.commentId(), NotificationKind.IDEA_COMMENT, event.ideaId(), title,
                        null, event.authorId()),
                user -> false));
    }

    /**
     * A moderator hid or restored what the recipient wrote: told to its author only (ADR 0034). The idea's page shows
     * them the reason; the title comes with the event, as a hidden idea has no public title.
     */
    @ApplicationModuleListener
    void contentModerated(ContentModerated event) {
        String what = (event.commentId() == null ? "IDEA" : "COMMENT") + (event.hidden() ? "_HIDDEN" : "_RESTORED");
        notifications.notifyUser(event.authorId(), new Happening(
                "moderation:" + event.ideaId() + ":" + event.commentId() + ":" + what + ":" + event.at().toEpochMilli(),
                NotificationKind.MODERATION, event.ideaId(), event.ideaTitle(), "notifications.moderation." + what,
                null));
    }

    @ApplicationModuleListener
    void callOpened(ChallengeCallOpened event) {
        subjects.title(SubjectType.CHALLENGE, event.challengeId()).ifPresent(title -> notifications.notify(
                new Happening("challenge-call:" + event.callId(), NotificationKind.CHALLENGE_CALL, event.challengeId(),
                        title, null, null),
                user -> false));
    }

    @ApplicationModuleListener
    void phaseChanged(InitiativePhaseChanged event) {
        subjects.title(SubjectType.INITIATIVE, event.initiativeId()).ifPresent(title -> notifications.notify(
                new Happening("initiative-phase:" + event.changeId(), NotificationKind.INITIATIVE_PHASE,
                        event.initiativeId(), title, event.to().messageKey(), null),
                user -> false));
    }

    @ApplicationModuleListener
    void casePublished(CasePublished event) {
        catalog.publishedVersion(event.caseId()).ifPresent(version -> notifications.notify(
                new Happening("case-published:" + event.versionId(), NotificationKind.CASE_PUBLISHED, event.caseId(),
                        version.title(), null, null),
                user -> false));
    }

    /**
     * A citizen's PRO answer was triaged red: every active professional ({@code STAFF}) of the course's unit is told,
     * in Tværs and by mail as each of them chose. The notice names the questionnaire, never the citizen; its link is
     * the course's page, which only the unit's own professionals open. One notice per triage case and professional,
     * however often the event is delivered.
     */
    @ApplicationModuleListener
    void courseTriagedRed(CourseTriagedRed event) {
        var happening = new Happening("course-triaged-red:" + event.triageCaseId(),
                NotificationKind.COURSE_TRIAGED_RED, event.courseId(), event.questionnaire(), null, null);
        int page = 1;
        while (true) {
            var staff = users.search(new UserDirectory.Filter(null, Role.STAFF, event.unitId(), true), page, 200);
            for (UserAccount user : staff.items()) {
                notifications.notifyUser(user.id(), happening);
            }
            if (staff.items().size() < 200) {
                return;
            }
            page++;
        }
    }
}
