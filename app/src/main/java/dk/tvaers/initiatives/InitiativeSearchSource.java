package dk.tvaers.initiatives;

import dk.tvaers.platform.search.FullTextSource;
import dk.tvaers.platform.search.SearchQuery;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The initiatives the site-wide search finds, by title (weighted highest) and summary with Danish stemming. An
 * initiative's page is open to everyone signed in and to no visitor without a login, so a visitor's search finds
 * none (it would lead to the login page) and a signed-in person's finds all.
 */
@Component
@Order(30)
class InitiativeSearchSource extends FullTextSource {

    InitiativeSearchSource(JdbcClient jdbc) {
        super(jdbc, "initiativer", "search.kind.initiatives", new Rows("initiative i", "TRUE",
                "(setweight(to_tsvector('danish', i.title), 'A') || setweight(to_tsvector('danish', i.summary), 'B'))",
                "i.id", "i.title", "i.summary", "/initiativer/"));
    }

    @Override
    protected boolean mayFind(SearchQuery query) {
        return query.signedIn();
    }
}
