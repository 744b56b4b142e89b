package dk.tvaers.challenges;

import dk.tvaers.platform.search.FullTextSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The challenges the site-wide search finds: every challenge is public from its publication (a challenge is
 * published when it is created), searched with Danish stemming in title (weighted highest), question, vision and
 * description.
 */
@Component
@Order(20)
class ChallengeSearchSource extends FullTextSource {

    ChallengeSearchSource(JdbcClient jdbc) {
        super(jdbc, "udfordringer", "search.kind.challenges", new Rows("challenge c", "TRUE",
                "(setweight(to_tsvector('danish', c.title), 'A')"
                        + " || setweight(to_tsvector('danish', c.question), 'B')"
                        + " || to_tsvector('danish', c.vision || ' ' || c.description))",
                "c.id", "c.title", "CASE WHEN c.question <> '' THEN c.question ELSE c.description END",
                "/udfordringer/"));
    }
}
