package dk.tvaers.challenges;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.accounts.Actor;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.Region;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The challenges module's public API: publish challenges with calls, list them, open a call again. */
@Service
public class Challenges {

    /** An innovation question is short and clear. */
    static final int MAX_QUESTION_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<ApplicantCounter> applicants;

    private final ApplicationEventPublisher events;

    Challenges(JdbcClient jdbc, Clock clock, List<ApplicantCounter> applicants, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.applicants = applicants;
    }

    /**
     * Publishes a challenge with its first call.
     *
     * @throws ChallengeRuleException when an innovation question lacks its vision or question, the question is
     *     not short, or the deadline has passed by the server's clock
     */
    @Transactional
    public long publish(NewChallenge challenge, Actor actor) {
        requireValid(challenge);
        requireFuture(challenge.deadline());
        return insert(challenge, clock.instant(), actor);
    }

    /**
     * Records a challenge published at an earlier moment, its call opening then (demo data: the Task Force's calls of
     * 2012–2013, long closed). The deadline is not checked against the clock.
     */
    @Transactional
    long publishAsOf(NewChallenge challenge, Instant publishedAt, Actor actor) {
        requireValid(challenge);
        return insert(challenge, publishedAt, actor);
    }

    /** Whether a challenge with this title exists (demo data loads once). */
    @Transactional(readOnly = true)
    boolean exists(String title) {
        return jdbc.sql("SELECT count(*) FROM challenge WHERE title = :title").param("title", title)
                .query(Long.class).single() > 0;
    }

    /** The newest challenge with this title (demo data of other modules finds the challenges' demo data by it). */
    @Transactional(readOnly = true)
    public Optional<Challenge> findByTitle(String title) {
        return jdbc.sql("SELECT id FROM challenge WHERE title = :title ORDER BY id DESC LIMIT 1").param("title", title)
                .query(Long.class).optional().map(this::find);
    }

    private void requireValid(NewChallenge challenge) {
        if (challenge.kind() == ChallengeKind.INNOVATION_QUESTION) {
            if (isBlank(challenge.vision())) {
                throw new ChallengeRuleException("vision", "challenge.error.visionRequired");
            }
            if (isBlank(challenge.question())) {
                throw new ChallengeRuleException("question", "challenge.error.questionRequired");
            }
        }
        if (challenge.question() != null && challenge.question().strip().length() > MAX_QUESTION_LENGTH) {
            throw new ChallengeRuleException("question", "challenge.error.questionTooLong");
        }
    }

    private long insert(NewChallenge challenge, Instant publishedAt, Actor actor) {
        long id = jdbc.sql("""
                INSERT INTO challenge (kind, title, vision, description, question, region, published_at, published_by)
                VALUES (:kind, :title, :vision, :description, :question, :region, :at, :by) RETURNING id""")
                .param("kind", challenge.kind().name())
                .param("title", challenge.title().strip())
                .param("vision", strip(challenge.vision()))
                .param("description", challenge.description().strip())
                .param("question", strip(challenge.question()))
                .param("region", challenge.region().name())
                .param("at", Timestamp.from(publishedAt))
                .param("by", actor.name())
                .query(Long.class).single();
        insertCall(id, 1, challenge.poolId(), publishedAt, challenge.deadline());
        return id;
    }

    /**
     * Opens the challenge's call again as a new round with a new deadline, when the last one has closed and no one
     * applied to it (asked of every {@link ApplicantCounter}).
     */
    @Transactional
    public void reopen(long challengeId, Instant deadline) {
        Challenge challenge = find(challengeId);
        Challenge.Call last = challenge.currentCall();
        if (last != null && last.openAt(clock.instant())) {
            throw new ChallengeRuleException("deadline", "challenge.error.stillOpen");
        }
        if (last != null && applicants.stream().anyMatch(counter -> counter.submittedTo(last.id()) > 0)) {
            throw new ChallengeRuleException("deadline", "challenge.error.hasApplicants");
        }
        requireFuture(deadline);
        int round = last == null ? 1 : last.round() + 1;
        long call = insertCall(challengeId, round, last == null ? null : last.poolId(), clock.instant(), deadline);
        events.publishEvent(new ChallengeCallOpened(challengeId, call, round, deadline));
    }

    @Transactional(readOnly = true)
    public Challenge find(long id) {
        return load(" WHERE c.id = :id", Map.of("id", id), 1, 0).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("challenge", id));
    }

    /** Filters of the public list; {@code open} null means both open and closed. */
    public record Filter(Boolean open, ChallengeKind kind, Region region) {}

    @Transactional(readOnly = true)
    public PageOf<Challenge> search(Filter filter, int page, int size) {
        String lastDeadline = "(SELECT max(deadline) FROM challenge_call l WHERE l.challenge_id = c.id)";
        var query = new FilteredQuery()
                .param("now", Timestamp.from(clock.instant()))
                .condition(Boolean.TRUE.equals(filter.open()), lastDeadline + " > :now")
                .condition(Boolean.FALSE.equals(filter.open()), "coalesce(" + lastDeadline + " <= :now, true)")
                .filter("c.kind = :kind", "kind", filter.kind())
                .filter("c.region = :region", "region", filter.region());
        var empty = new PageOf<Challenge>(List.of(), page, size, query.count(jdbc, "SELECT count(*) FROM challenge c"));
        return new PageOf<>(load(query.where(), query.params(), size, empty.offset()), page, size, empty.total());
    }

    private List<Challenge> load(String condition, Map<String, Object> params, int limit, long offset) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", limit);
        all.put("offset", offset);
        record Row(long id, ChallengeKind kind, String title, String vision, String description, String question,
                Region region, Instant publishedAt, String publishedBy) {}
        List<Row> rows = jdbc.sql("SELECT c.* FROM challenge c" + condition
                        + " ORDER BY c.published_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .params(all)
                .query((rs, n) -> new Row(rs.getLong("id"), ChallengeKind.valueOf(rs.getString("kind")),
                        rs.getString("title"), rs.getString("vision"), rs.getString("description"),
                        rs.getString("question"), Region.valueOf(rs.getString("region")),
                        rs.getTimestamp("published_at").toInstant(), rs.getString("published_by")))
                .list();
        Map<Long, List<Challenge.Call>> calls = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                    SELECT k.*, p.name AS pool_name FROM challenge_call k LEFT JOIN funding_pool p ON p.id = k.pool_id
                    WHERE k.challenge_id IN (:ids) ORDER BY k.round""")
                    .param("ids", rows.stream().map(Row::id).toList())
                    .query(rs -> {
                        calls.computeIfAbsent(rs.getLong("challenge_id"), key -> new ArrayList<>())
                                .add(new Challenge.Call(rs.getLong("id"), rs.getInt("round"),
                                        (Long) rs.getObject("pool_id"), rs.getString("pool_name"),
                                        rs.getTimestamp("opens_at").toInstant(),
                                        rs.getTimestamp("deadline").toInstant()));
                    });
        }
        return rows.stream().map(row -> new Challenge(row.id(), row.kind(), row.title(), row.vision(),
                row.description(), row.question(), row.region(), row.publishedAt(), row.publishedBy(),
                List.copyOf(calls.getOrDefault(row.id(), List.of())))).toList();
    }

    private long insertCall(long challengeId, int round, Long poolId, Instant opensAt, Instant deadline) {
        return jdbc.sql("""
                INSERT INTO challenge_call (challenge_id, round, pool_id, opens_at, deadline)
                VALUES (:challenge, :round, :pool, :opens, :deadline) RETURNING id""")
                .param("challenge", challengeId).param("round", round).param("pool", poolId)
                .param("opens", Timestamp.from(opensAt)).param("deadline", Timestamp.from(deadline))
                .query(Long.class).single();
    }

    private void requireFuture(Instant deadline) {
        if (deadline == null || !deadline.isAfter(clock.instant())) {
            throw new ChallengeRuleException("deadline", "challenge.error.deadlinePassed");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
