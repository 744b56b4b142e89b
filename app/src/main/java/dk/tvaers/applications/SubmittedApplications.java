package dk.tvaers.applications;

import dk.tvaers.challenges.Challenges;
import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.shared.Money;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Task Force's list of submitted applications: searched and paged, each with the sum it applies for, its number
 * of reviews and its decision. Reading only; writing an application is {@link Applications}'.
 */
@Service
public class SubmittedApplications {

    private final JdbcClient jdbc;
    private final Challenges challenges;

    SubmittedApplications(JdbcClient jdbc, Challenges challenges) {
        this.jdbc = jdbc;
        this.challenges = challenges;
    }

    /** A submitted application with its figures for the Task Force's list. */
    public record Listing(Application application, Money applied, int reviews, Outcome outcome) {}

    /** Submitted (and decided) applications, optionally of one challenge, searched by title or consortium. */
    @Transactional(readOnly = true)
    public PageOf<Listing> submitted(Long challengeId, String text, int page, int size) {
        var query = new FilteredQuery()
                .condition("a.status <> 'DRAFT'")
                .filter("a.challenge_id = :challenge", "challenge", challengeId)
                .contains("""
                        (lower(c.name) LIKE :text OR EXISTS (SELECT 1 FROM application_version v
                              WHERE v.application_id = a.id AND lower(v.title) LIKE :text))""", "text", text)
                .orderBy("a.first_submitted_at, a.id");
        var empty = new PageOf<Listing>(List.of(), page, size,
                query.count(jdbc, "SELECT count(*) FROM application a JOIN consortium c ON c.id = a.consortium_id"));
        // the page's rows first, then their sums and counts beside them
        List<Listing> items = jdbc.sql("SELECT * FROM (" + query.pageSql(Applications.SELECT) + """
                ) a0, LATERAL (SELECT coalesce(sum(b.amount_ore), 0) AS applied FROM application_budget_line b
                               WHERE b.application_id = a0.id AND b.version = a0.latest_version) b0,
                  LATERAL (SELECT count(*) AS reviews FROM application_review r WHERE r.application_id = a0.id) r0,
                  LATERAL (SELECT max(d.outcome) AS outcome FROM application_decision d WHERE d.application_id = a0.id) d0
                ORDER BY a0.first_submitted_at, a0.id""")
                .params(query.pageParams(empty))
                .query((rs, n) -> new Listing(Applications.map(rs, n), new Money(rs.getLong("applied")), rs.getInt("reviews"),
                        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome"))))
                .list().stream()
                .map(l -> new Listing(Applications.withChallengeTitle(l.application(), challenges), l.applied(), l.reviews(), l.outcome()))
                .toList();
        return new PageOf<>(items, page, size, empty.total());
    }
}
