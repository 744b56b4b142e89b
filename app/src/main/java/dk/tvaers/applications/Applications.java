package dk.tvaers.applications;

import dk.tvaers.accounts.Actor;
import dk.tvaers.challenges.Challenge;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Sector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications to a challenge's call. A draft (version 1) is saved as often as wanted, incomplete or not. Submitting
 * checks that every part is there, that the consortium spans two of the three health-care sectors, and that the
 * call's deadline has not passed by the server's clock; the submitted version is then frozen. A change after
 * submission is a new, submitted version (the same checks); every version is kept.
 */
@Service
public class Applications {

    /** An application with its consortium's name, its latest version and that version's title. */
    static final String SELECT = """
            SELECT a.*, c.name AS consortium_name,
                   (SELECT max(version) FROM application_version v WHERE v.application_id = a.id) AS latest_version,
                   (SELECT v.title FROM application_version v WHERE v.application_id = a.id
                    ORDER BY v.version DESC LIMIT 1) AS title
            FROM application a JOIN consortium c ON c.id = a.consortium_id""";

    private final JdbcClient jdbc;
    private final Consortia consortia;
    private final Challenges challenges;
    private final Clock clock;

    Applications(JdbcClient jdbc, Consortia consortia, Challenges challenges, Clock clock) {
        this.jdbc = jdbc;
        this.consortia = consortia;
        this.challenges = challenges;
        this.clock = clock;
    }

    /** Starts a draft to the challenge's current call, which must be open. */
    @Transactional
    public long start(long consortiumId, long challengeId, Actor actor) {
        consortia.find(consortiumId);
        Challenge challenge = challenges.find(challengeId);
        Challenge.Call call = challenge.currentCall();
        if (call == null || !call.openAt(clock.instant())) {
            throw new ApplicationRuleException("challengeId", "application.error.callClosed");
        }
        long id = jdbc.sql("""
                INSERT INTO application (consortium_id, challenge_id, call_id) VALUES (:consortium, :challenge, :call)
                RETURNING id""")
                .param("consortium", consortiumId).param("challenge", challengeId).param("call", call.id())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO application_version (application_id, version, title, saved_by_name) VALUES (:id, 1, :title, :by)")
                .param("id", id).param("title", challenge.title()).param("by", actor.name()).update();
        return id;
    }

    /** Saves the draft as it is, complete or not, with any new attachments. A submitted application is frozen. */
    @Transactional
    public void saveDraft(long id, ApplicationContent content, List<NewAttachment> attachments, Actor actor) {
        Application application = lock(id);
        if (application.status() != ApplicationStatus.DRAFT) {
            throw new ApplicationRuleException(null, "application.error.frozen");
        }
        jdbc.sql("""
                UPDATE application_version SET title = :title, summary = :summary, effect_economy = :economy,
                    effect_health = :health, effect_citizens = :citizens, innovation_type = :type, saved_at = :now,
                    saved_by_name = :by
                WHERE application_id = :id AND version = 1""")
                .param("title", content.title().strip()).param("summary", strip(content.summary()))
                .param("economy", strip(content.effectEconomy())).param("health", strip(content.effectHealth()))
                .param("citizens", strip(content.effectCitizens()))
                .param("type", content.innovationType() == null ? null : content.innovationType().name())
                .param("now", Timestamp.from(clock.instant())).param("by", actor.name()).param("id", id).update();
        jdbc.sql("DELETE FROM application_budget_line WHERE application_id = :id AND version = 1").param("id", id).update();
        jdbc.sql("DELETE FROM application_trial_action WHERE application_id = :id AND version = 1").param("id", id).update();
        insertParts(id, 1, content, attachments);
    }

    /** Removes an attachment from the draft. */
    @Transactional
    public void removeAttachment(long id, long attachmentId) {
        if (lock(id).status() != ApplicationStatus.DRAFT) {
            throw new ApplicationRuleException(null, "application.error.frozen");
        }
        jdbc.sql("DELETE FROM application_attachment WHERE id = :attachment AND application_id = :id AND version = 1")
                .param("attachment", attachmentId).param("id", id).update();
    }

    /**
     * Submits the saved draft, which is then frozen.
     *
     * @throws ApplicationRuleException naming every part that is missing, the health-care sectors the consortium
     *     lacks, or that the call's deadline has passed
     */
    @Transactional
    public void submit(long id, Actor actor) {
        Application application = lock(id);
        if (application.status() != ApplicationStatus.DRAFT) {
            throw new ApplicationRuleException(null, "application.error.alreadySubmitted");
        }
        check(application, version(id, 1));
        Instant now = clock.instant();
        jdbc.sql("UPDATE application_version SET submitted_at = :now WHERE application_id = :id AND version = 1")
                .param("now", Timestamp.from(now)).param("id", id).update();
        jdbc.sql("UPDATE application SET status = 'SUBMITTED', first_submitted_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /**
     * Changes a submitted application: the change becomes a new submitted version (checked as a submission is);
     * the earlier versions stay as they were, and the new one keeps their attachments.
     *
     * @return the new version's number
     */
    @Transactional
    public int revise(long id, ApplicationContent content, List<NewAttachment> attachments, Actor actor) {
        Application application = lock(id);
        if (application.status() != ApplicationStatus.SUBMITTED) {
            throw new ApplicationRuleException(null, application.draft() ? "application.error.notSubmitted"
                    : "application.error.decided");
        }
        int previous = application.latestVersion();
        int next = previous + 1;
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO application_version (application_id, version, title, summary, effect_economy, effect_health,
                    effect_citizens, innovation_type, saved_at, saved_by_name)
                VALUES (:id, :version, :title, :summary, :economy, :health, :citizens, :type, :now, :by)""")
                .param("id", id).param("version", next).param("title", content.title().strip())
                .param("summary", strip(content.summary())).param("economy", strip(content.effectEconomy()))
                .param("health", strip(content.effectHealth())).param("citizens", strip(content.effectCitizens()))
                .param("type", content.innovationType() == null ? null : content.innovationType().name())
                .param("now", Timestamp.from(now)).param("by", actor.name()).update();
        jdbc.sql("""
                INSERT INTO application_attachment (application_id, version, filename, content_type, size_bytes, content)
                SELECT application_id, :next, filename, content_type, size_bytes, content FROM application_attachment
                WHERE application_id = :id AND version = :previous ORDER BY id""")
                .param("next", next).param("id", id).param("previous", previous).update();
        insertParts(id, next, content, attachments);
        check(application, version(id, next));
        jdbc.sql("UPDATE application_version SET submitted_at = :now WHERE application_id = :id AND version = :version")
                .param("now", Timestamp.from(now)).param("id", id).param("version", next).update();
        return next;
    }

    private void check(Application application, ApplicationVersion version) {
        var problems = new ArrayList<ApplicationRuleException.Problem>();
        Challenge.Call call = challenges.find(application.challengeId()).calls().stream()
                .filter(c -> c.id() == application.callId()).findFirst().orElseThrow();
        if (!clock.instant().isBefore(call.deadline())) {
            problems.add(new ApplicationRuleException.Problem(null, "application.error.deadlinePassed"));
        }
        requireText(problems, "summary", version.summary());
        requireText(problems, "effectEconomy", version.effectEconomy());
        requireText(problems, "effectHealth", version.effectHealth());
        requireText(problems, "effectCitizens", version.effectCitizens());
        if (version.innovationType() == null) {
            problems.add(new ApplicationRuleException.Problem("innovationType", "application.error.required"));
        }
        if (version.budget().isEmpty()) {
            problems.add(new ApplicationRuleException.Problem("budget", "application.error.budgetRequired"));
        }
        Consortium consortium = consortia.find(application.consortiumId());
        if (!consortium.crossSector()) {
            Set<Sector> covered = consortium.healthSectors();
            problems.add(covered.isEmpty()
                    ? new ApplicationRuleException.Problem(null, "application.error.sectors.none",
                            List.copyOf(consortium.missingHealthSectors()))
                    : new ApplicationRuleException.Problem(null, "application.error.sectors.one",
                            covered.iterator().next(), List.copyOf(consortium.missingHealthSectors())));
        }
        for (ApplicationVersion.BudgetRow row : version.budget()) {
            if (!consortium.hasMember(row.organisationId())) {
                problems.add(new ApplicationRuleException.Problem("budget", "application.error.budgetPartner",
                        row.organisationName()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApplicationRuleException(problems);
        }
    }

    private static void requireText(List<ApplicationRuleException.Problem> problems, String field, String text) {
        if (text == null || text.isBlank()) {
            problems.add(new ApplicationRuleException.Problem(field, "application.error.required"));
        }
    }

    private void insertParts(long id, int version, ApplicationContent content, List<NewAttachment> attachments) {
        int line = 1;
        for (ApplicationContent.BudgetLine budget : content.budget()) {
            if (!budget.amount().isPositive()) {
                throw new ApplicationRuleException("budget", "application.error.amountPositive");
            }
            jdbc.sql("""
                    INSERT INTO application_budget_line (application_id, version, line, year, organisation_id, amount_ore)
                    VALUES (:id, :version, :line, :year, :org, :amount)""")
                    .param("id", id).param("version", version).param("line", line++).param("year", budget.year())
                    .param("org", budget.organisationId()).param("amount", budget.amount().ore()).update();
        }
        line = 1;
        for (String hypothesis : content.trialActions()) {
            if (hypothesis == null || hypothesis.isBlank()) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO application_trial_action (application_id, version, line, hypothesis)
                    VALUES (:id, :version, :line, :hypothesis)""")
                    .param("id", id).param("version", version).param("line", line++)
                    .param("hypothesis", hypothesis.strip()).update();
        }
        for (NewAttachment attachment : attachments) {
            jdbc.sql("""
                    INSERT INTO application_attachment (application_id, version, filename, content_type, size_bytes,
                        content)
                    VALUES (:id, :version, :name, :type, :size, :content)""")
                    .param("id", id).param("version", version).param("name", attachment.type().safeFileName(attachment.filename()))
                    .param("type", attachment.type().mediaType()).param("size", attachment.content().length)
                    .param("content", attachment.content()).update();
        }
    }

    // --- reading ---

    @Transactional(readOnly = true)
    public Application find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(Applications::map).optional()
                .map(this::withChallengeTitle).orElseThrow(() -> new NotFoundException("application", id));
    }

    private Application lock(long id) {
        jdbc.sql("SELECT id FROM application WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("application", id));
        return find(id);
    }

    @Transactional(readOnly = true)
    public ApplicationVersion version(long id, int version) {
        record Row(String title, String summary, String economy, String health, String citizens, String type,
                Instant savedAt, String savedBy, Instant submittedAt) {}
        Row row = jdbc.sql("SELECT * FROM application_version WHERE application_id = :id AND version = :version")
                .param("id", id).param("version", version)
                .query((rs, n) -> new Row(rs.getString("title"), rs.getString("summary"), rs.getString("effect_economy"),
                        rs.getString("effect_health"), rs.getString("effect_citizens"), rs.getString("innovation_type"),
                        rs.getTimestamp("saved_at").toInstant(), rs.getString("saved_by_name"),
                        instant(rs.getTimestamp("submitted_at"))))
                .optional().orElseThrow(() -> new NotFoundException("application version", id + "/" + version));
        List<ApplicationVersion.BudgetRow> budget = jdbc.sql("""
                SELECT b.line, b.year, b.organisation_id, o.name, b.amount_ore FROM application_budget_line b
                JOIN organisation o ON o.id = b.organisation_id
                WHERE b.application_id = :id AND b.version = :version ORDER BY b.year, b.line""")
                .param("id", id).param("version", version)
                .query((rs, n) -> new ApplicationVersion.BudgetRow(rs.getInt("line"), rs.getInt("year"),
                        rs.getLong("organisation_id"), rs.getString("name"), new Money(rs.getLong("amount_ore"))))
                .list();
        List<String> trialActions = jdbc.sql("""
                SELECT hypothesis FROM application_trial_action WHERE application_id = :id AND version = :version
                ORDER BY line""")
                .param("id", id).param("version", version).query(String.class).list();
        List<ApplicationVersion.Attachment> attachments = jdbc.sql("""
                SELECT id, filename, content_type, size_bytes FROM application_attachment
                WHERE application_id = :id AND version = :version ORDER BY id""")
                .param("id", id).param("version", version)
                .query((rs, n) -> new ApplicationVersion.Attachment(rs.getLong("id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size_bytes")))
                .list();
        return new ApplicationVersion(id, version, row.title(), row.summary(), row.economy(), row.health(),
                row.citizens(), row.type() == null ? null : InnovationType.valueOf(row.type()), row.savedAt(),
                row.savedBy(), row.submittedAt(), budget, trialActions, attachments);
    }

    @Transactional(readOnly = true)
    public ApplicationVersion latest(long id) {
        return version(id, find(id).latestVersion());
    }

    /** Every version, newest first, without their parts. */
    public record VersionListing(int version, String title, Instant savedAt, String savedByName, Instant submittedAt,
            Money total) {}

    @Transactional(readOnly = true)
    public List<VersionListing> versions(long id) {
        return jdbc.sql("""
                SELECT v.version, v.title, v.saved_at, v.saved_by_name, v.submitted_at,
                       (SELECT coalesce(sum(amount_ore), 0) FROM application_budget_line b
                        WHERE b.application_id = v.application_id AND b.version = v.version) AS total
                FROM application_version v WHERE v.application_id = :id ORDER BY v.version DESC""")
                .param("id", id)
                .query((rs, n) -> new VersionListing(rs.getInt("version"), rs.getString("title"),
                        rs.getTimestamp("saved_at").toInstant(), rs.getString("saved_by_name"),
                        instant(rs.getTimestamp("submitted_at")), new Money(rs.getLong("total"))))
                .list();
    }

    /** An attachment's content, when it belongs to the application. */
    @Transactional(readOnly = true)
    public Optional<byte[]> attachmentContent(long id, long attachmentId) {
        return jdbc.sql("SELECT content FROM application_attachment WHERE id = :attachment AND application_id = :id")
                .param("attachment", attachmentId).param("id", id).query(byte[].class).optional();
    }

    @Transactional(readOnly = true)
    public List<Application> ofConsortium(long consortiumId) {
        return jdbc.sql(SELECT + " WHERE a.consortium_id = :id ORDER BY a.created_at DESC, a.id DESC")
                .param("id", consortiumId).query(Applications::map).list().stream().map(this::withChallengeTitle)
                .toList();
    }

    static Application map(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getLong("id"), rs.getLong("consortium_id"), rs.getString("consortium_name"),
                rs.getLong("challenge_id"), null, rs.getLong("call_id"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getInt("latest_version"), rs.getString("title"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("first_submitted_at")));
    }

    /** The challenge's title comes from challenges' public API (its tables are its own). */
    private Application withChallengeTitle(Application a) {
        return withChallengeTitle(a, challenges);
    }

    static Application withChallengeTitle(Application a, Challenges challenges) {
        return new Application(a.id(), a.consortiumId(), a.consortiumName(), a.challengeId(),
                challenges.find(a.challengeId()).title(), a.callId(), a.status(), a.latestVersion(), a.title(),
                a.createdAt(), a.firstSubmittedAt());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
