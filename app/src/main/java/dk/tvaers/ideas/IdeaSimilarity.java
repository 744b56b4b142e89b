package dk.tvaers.ideas;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published ideas that resemble a text: any of its words in the Danish full-text index (stemmed, ranked), or a title
 * close to the text by trigram similarity. {@link #similar} asks every {@link SimilarItemSource}, so catalogue cases
 * join the suggestions when that module supplies a source.
 */
@Component
public class IdeaSimilarity implements SimilarItemSource {

    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    private static final int MAX_WORDS = 30;

    private final JdbcClient jdbc;
    /** The other modules' sources (Spring leaves this bean itself out of the list, so it is added in use). */
    private final List<SimilarItemSource> others;

    IdeaSimilarity(JdbcClient jdbc, List<SimilarItemSource> others) {
        this.jdbc = jdbc;
        this.others = others;
    }

    /** The best suggestions of all sources for the text. */
    public List<SimilarItem> similar(String text, int limit) {
        if (words(text).isEmpty()) {
            return List.of();
        }
        return Stream.concat(Stream.of(this), others.stream().filter(source -> source != this))
                .flatMap(source -> source.similarTo(text, limit).stream())
                .sorted(Comparator.comparingDouble(SimilarItem::score).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SimilarItem> similarTo(String text, int limit) {
        Set<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        // any word may match: an OR query of the (already letter-only) words, each stemmed by the danish dictionary
        String query = String.join(" | ", words);
        String title = String.join(" ", words);
        return jdbc.sql("""
                SELECT i.id, i.title,
                       ts_rank(i.search, q) + word_similarity(lower(i.title), :title) AS score
                FROM idea i, to_tsquery('danish', :query) q
                WHERE i.status <> 'UNCONFIRMED' AND i.status <> 'MERGED' AND i.hidden_at IS NULL
                  AND (i.search @@ q OR lower(i.title) %> :title)
                ORDER BY score DESC, i.id DESC LIMIT :limit""")
                .param("query", query)
                .param("title", title)
                .param("limit", limit)
                .query((rs, n) -> new SimilarItem("IDEA", rs.getLong("id"), rs.getString("title"),
                        "/ideer/" + rs.getLong("id"), rs.getDouble("score")))
                .list();
    }

    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_WORDS) {
            words.add(matcher.group());
        }
        return words;
    }
}
