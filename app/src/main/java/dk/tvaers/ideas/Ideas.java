package dk.tvaers.ideas;

import dk.tvaers.platform.security.LinkTokens;
import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.database.SqlText;
import dk.tvaers.platform.database.Sorting;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.IdeaSource;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import dk.tvaers.platform.security.RateLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ideas module's public API for submitters and the public: submit and confirm ideas, find and list the
 * published ones, follow an idea and answer the clinic (support and comments: {@link IdeaReactions}).
 */
@Service
public class Ideas {

    /**
     * Someone who hears about an idea. {@code submitter}: they submitted it (and so own its thread with the clinic);
     * a follower who came through a merge is not the submitter of the idea they now follow.
     */
    public record Follower(long id, long ideaId, Long userId, String name, String email, boolean submitter) {}

    /** Filters of the public list; every field may be empty. */
    public record Filter(String text, IdeaStatus status, Sector sector, InnovationType kind, IdeaSource source) {

        public Filter(String text, IdeaStatus status, Sector sector, InnovationType kind) {
            this(text, status, sector, kind, null);
        }
    }

    /** Orders of the public list. */
    public enum Sort {
        NEWEST,
        OLDEST,
        MOST_SUPPORTED,
        TITLE;

        public String messageKey() {
            return "ideaSort." + name();
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final IdeaAttachments attachments;
    private final IdeaStatusHistory history;

    private final dk.tvaers.accounts.UserDirectory users;
    private final dk.tvaers.accounts.OrganisationDirectory organisations;

    Ideas(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, RateLimits rateLimits,
            IdeaAttachments attachments, IdeaStatusHistory history, dk.tvaers.accounts.UserDirectory users,
            dk.tvaers.accounts.OrganisationDirectory organisations) {
        this.users = users;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.attachments = attachments;
        this.history = history;
    }

    /**
     * Asks for the confirmation mail of an idea that still waits for its submitter's confirmation once more (a fresh
     * link, as the first time). Returns false when the idea is no longer unconfirmed or its submitter gave no address.
     */
    @Transactional
    public boolean resendConfirmation(long ideaId) {
        var follower = jdbc.sql("""
                SELECT f.id FROM idea_follower f JOIN idea i ON i.id = f.idea_id
                WHERE f.idea_id = :id AND f.submitter AND f.user_id IS NULL AND f.email IS NOT NULL
                  AND i.status = :unconfirmed""")
                .param("id", ideaId).param("unconfirmed", IdeaStatus.UNCONFIRMED.name())
                .query(Long.class).optional();
        follower.ifPresent(id -> events.publishEvent(new IdeaConfirmationRequested(ideaId, id)));
        return follower.isPresent();
    }

    /**
     * Submits an idea. A logged-in or assisted submission counts at once; a person without an account is mailed a
     * confirmation link and the idea stays unconfirmed (invisible) until they use it. Confirmation mails to one
     * address are rate-limited ({@code idea-confirmation-address}, ADR 0016), so no one can flood a stranger's inbox.
     */
    @Transactional
    public long submit(NewIdea idea, Submitter submitter) {
        if (submitter.userId() == null && SqlText.blankToNull(submitter.email()) != null) {
            rateLimits.consume("idea-confirmation-address", submitter.email());
        }
        IdeaStatus status = submitter.mustConfirm() ? IdeaStatus.UNCONFIRMED : IdeaStatus.SUBMITTED;
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                INSERT INTO idea (title, problem, proposal, beneficiaries, innovation_type, region, status,
                                  submitter_user_id, submitter_name, show_name, assisted_by_user_id, assisted_by_name,
                                  created_at, submitted_at, sectors, source)
                VALUES (:title, :problem, :proposal, :beneficiaries, :type, :region, :status, :user, :name, :show,
                        :assistedBy, :assistedByName, :now, :submitted, CAST(:sectors AS VARCHAR(40)[]), :source)
                RETURNING id""")
                .param("source", source(submitter).name())
                .param("title", idea.title().strip())
                .param("problem", idea.problem().strip())
                .param("proposal", idea.proposal().strip())
                .param("beneficiaries", idea.beneficiaries().strip())
                .param("type", idea.innovationType().name())
                .param("region", idea.region() == null ? null : idea.region().name())
                .param("status", status.name())
                .param("user", submitter.userId())
                .param("name", SqlText.blankToNull(submitter.name()))
                .param("show", idea.showName())
                .param("assistedBy", submitter.assistedById())
                .param("assistedByName", submitter.assistedByName())
                .param("now", now)
                .param("submitted", status == IdeaStatus.SUBMITTED ? now : null)
                .param("sectors", idea.sectors().stream().sorted().map(Sector::name).toArray(String[]::new))
                .query(Long.class).single();
        attachments.store(id, idea.attachments());
        long follower = jdbc.sql("""
                INSERT INTO idea_follower (idea_id, user_id, name, email, submitter)
                VALUES (:id, :user, :name, :email, TRUE) RETURNING id""")
                .param("id", id)
                .param("user", submitter.userId())
                .param("name", SqlText.blankToNull(submitter.name()))
                .param("email", SqlText.blankToNull(submitter.email()))
                .query(Long.class).single();
        String by = submitter.assistedByName() != null ? submitter.assistedByName()
                : submitter.name() == null ? "" : submitter.name();
        history.record(id, null, status, null, submitter.assistedById() != null ? submitter.assistedById()
                : submitter.userId(), by);
        if (submitter.userId() == null && SqlText.blankToNull(submitter.email()) != null) {
            events.publishEvent(new IdeaConfirmationRequested(id, follower));
        }
        return id;
    }

    /**
     * Where the idea comes from, told from who submits it (ADR 0040): a visitor without an account and a citizen
     * helped by staff are citizens; a signed-in submitter is staff or partner by their organisation's sector, a
     * citizen without one.
     */
    IdeaSource source(Submitter submitter) {
        if (submitter.userId() == null || submitter.assistedById() != null) {
            return IdeaSource.CITIZEN;
        }
        return users.find(submitter.userId())
                .map(user -> IdeaSource.ofAccount(user.organisationId() == null ? null
                                : organisations.find(user.organisationId()).map(o -> o.sector()).orElse(null),
                        user.roles().contains(dk.tvaers.shared.Role.CITIZEN)))
                .orElse(IdeaSource.UNKNOWN);
    }

    /** Confirms the idea the link belongs to (once; later uses just find it). Empty for an unknown link. */
    @Transactional
    public Optional<Long> confirm(String token) {
        Optional<Follower> follower = followerByToken(token);
        follower.ifPresent(f -> {
            int changed = jdbc.sql("""
                    UPDATE idea SET status = 'SUBMITTED', submitted_at = :now, version = version + 1
                    WHERE id = :id AND status = 'UNCONFIRMED'""")
                    .param("now", Timestamp.from(clock.instant())).param("id", f.ideaId()).update();
            if (changed > 0) {
                history.record(f.ideaId(), IdeaStatus.UNCONFIRMED, IdeaStatus.SUBMITTED, null, null,
                        f.name() == null ? "" : f.name());
            }
        });
        return follower.map(Follower::ideaId);
    }

    /**
     * Mails new follow links to the followers without an account who gave this address (a link expires after
     * {@code tvaers.ideas.follow-link-lifetime}). Says nothing about whether the address is known.
     */
    @Transactional
    public void requestNewFollowLinks(String email) {
        if (email != null && !email.isBlank()) {
            events.publishEvent(new IdeaFollowLinksRequested(email.strip()));
        }
    }

    /**
     * The follower an e-mail link belongs to, while the link has not expired; the idea of a merged idea's follower
     * is the idea it went into.
     */
    @Transactional(readOnly = true)
    public Optional<Follower> followerByToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT f.id, f.idea_id, f.user_id, f.name, f.email, f.submitter FROM idea_follow_token t
                JOIN idea_follower f ON f.id = t.follower_id WHERE t.token_hash = :hash AND t.expires_at > :now""")
                .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Follower(rs.getLong("id"), rs.getLong("idea_id"), (Long) rs.getObject("user_id"),
                        rs.getString("name"), rs.getString("email"), rs.getBoolean("submitter")))
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Idea> find(long id) {
        return jdbc.sql(IdeaRows.SELECT + " WHERE i.id = :id").param("id", id).query(IdeaRows::map).optional();
    }

    /** An idea the public may see (confirmed, not hidden by a moderator). */
    @Transactional(readOnly = true)
    public Optional<Idea> findPublished(long id) {
        return find(id).filter(idea -> idea.status().isVisible() && !idea.hidden());
    }

    /**
     * An idea's page as this viewer may see it: a published idea, or a hidden one for its own submitter (who is shown
     * the moderator's reason). {@code userId} is null for a visitor.
     */
    @Transactional(readOnly = true)
    public Optional<Idea> findFor(long id, Long userId) {
        return find(id).filter(idea -> idea.status().isVisible()
                && (!idea.hidden() || (userId != null && isSubmitter(id, userId))));
    }

    /** The published ideas, searched (Danish full-text), filtered, sorted. */
    @Transactional(readOnly = true)
    public PageOf<Idea> search(Filter filter, Sort sort, int page, int size) {
        return new FilteredQuery()
                .condition("i.status <> 'UNCONFIRMED'")
                .condition("i.hidden_at IS NULL")
                // Danish full-text search (stemmed, stop words dropped) on the GIN index; trigram similarity is kept
                // for the suggestions while typing (IdeaSimilarity), where a half-typed word must still match
                .filter("i.search @@ websearch_to_tsquery('danish', :text)", "text",
                        filter.text() == null ? null : filter.text().strip())
                .filter("i.status = :status", "status", filter.status())
                .filter("i.innovation_type = :kind", "kind", filter.kind())
                .filter("i.sectors @> ARRAY[CAST(:sector AS VARCHAR(40))]", "sector", filter.sector())
                .filter("i.source = :source", "source", filter.source())
                .orderBy(SORTING, sort)
                .page(jdbc, "SELECT count(*) FROM idea i", IdeaRows.SELECT, IdeaRows::map, page, size);
    }

    /** The orders of the public list ({@link Sort}), newest first by default. */
    private static final Sorting SORTING = Sorting.of(
            Sort.NEWEST.name(), "i.submitted_at DESC, i.id DESC",
            Sort.OLDEST.name(), "i.submitted_at, i.id",
            Sort.MOST_SUPPORTED.name(), "i.support_count DESC, i.id DESC",
            Sort.TITLE.name(), "lower(i.title), i.id");

    /**
     * One page of the ideas a logged-in user submitted or follows, newest first. Paged: one citizen may have
     * hundreds (the load test's single citizen reached 800 and the unpaged page stopped answering).
     */
    @Transactional(readOnly = true)
    public PageOf<Idea> followedBy(long userId, int page, int size) {
        return new FilteredQuery()
                .condition("(i.id IN (SELECT idea_id FROM idea_follower WHERE user_id = :user)"
                        + " OR i.submitter_user_id = :user)")
                .param("user", userId)
                .orderBy("i.created_at DESC, i.id DESC")
                .page(jdbc, "SELECT count(*) FROM idea i", IdeaRows.SELECT, IdeaRows::map, page, size);
    }

    /** Of {@code ideaIds}, those the user submitted (see {@link #isSubmitter}), in one query. */
    @Transactional(readOnly = true)
    public Set<Long> submittedBy(long userId, Collection<Long> ideaIds) {
        if (ideaIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT id FROM idea WHERE id IN (:ids) AND submitter_user_id = :user
                UNION SELECT idea_id FROM idea_follower WHERE idea_id IN (:ids) AND user_id = :user AND submitter""")
                .param("ids", ideaIds).param("user", userId).query(Long.class).list());
    }

    /**
     * Whether the user submitted the idea: only they and the clinic see and write its thread. Someone who follows
     * it because their own idea was merged into it is not its submitter (issue 10: a thread stays private).
     */
    @Transactional(readOnly = true)
    public boolean isSubmitter(long ideaId, long userId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM idea WHERE id = :idea AND submitter_user_id = :user)
                    OR EXISTS (SELECT 1 FROM idea_follower WHERE idea_id = :idea AND user_id = :user AND submitter)""")
                .param("idea", ideaId).param("user", userId).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public boolean follows(long ideaId, long userId) {
        return jdbc.sql("SELECT count(*) FROM idea_follower WHERE idea_id = :idea AND user_id = :user")
                .param("idea", ideaId).param("user", userId).query(Long.class).single() > 0;
    }

    /** The thread between the clinic and the submitter, oldest first. */
    @Transactional(readOnly = true)
    public List<IdeaMessage> thread(long ideaId) {
        return jdbc.sql("""
                SELECT id, kind, author_name, body, created_at FROM idea_message WHERE idea_id = :id
                ORDER BY created_at, id""")
                .param("id", ideaId)
                .query((rs, n) -> new IdeaMessage(rs.getLong("id"), IdeaMessage.Kind.valueOf(rs.getString("kind")),
                        rs.getString("author_name"), rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The submitter (or another follower) answers in the thread. */
    @Transactional
    public void answer(long ideaId, String body, Long authorId, String authorName) {
        jdbc.sql("""
                INSERT INTO idea_message (idea_id, kind, author_id, author_name, body)
                VALUES (:idea, 'ANSWER', :author, :name, :body)""")
                .param("idea", ideaId).param("author", authorId)
                .param("name", authorName == null || authorName.isBlank() ? "-" : authorName)
                .param("body", body.strip()).update();
    }
}
