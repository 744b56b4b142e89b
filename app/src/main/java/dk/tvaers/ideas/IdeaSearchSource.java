package dk.tvaers.ideas;

import dk.tvaers.platform.search.FullTextSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ideas the site-wide search finds: those of the public list only (confirmed, never hidden by a moderator),
 * searched in their Danish full-text column ({@code idea.search}, title weighted above the texts).
 */
@Component
@Order(10)
class IdeaSearchSource extends FullTextSource {

    /** Public ideas only: the same rule as the public list ({@link Ideas#search}). */
    static final String PUBLIC = "i.status <> 'UNCONFIRMED' AND i.hidden_at IS NULL";

    IdeaSearchSource(JdbcClient jdbc) {
        super(jdbc, "ideer", "search.kind.ideas",
                new Rows("idea i", PUBLIC, "i.search", "i.id", "i.title", "i.problem", "/ideer/"));
    }
}
