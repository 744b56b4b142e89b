package dk.tvaers.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The site-wide search pages one list of hits over every source, grouped by kind, without a database. */
class SiteSearchPagingTests {

    /** A source of {@code size} hits, numbered from 0, that records the queries it got. */
    record Numbered(String kind, long size) implements SearchSource {

        @Override
        public String headingKey() {
            return "search.kind." + kind;
        }

        @Override
        public long count(SearchQuery query) {
            return size;
        }

        @Override
        public List<SearchHit> find(SearchQuery query, long offset, int limit) {
            return LongStream.range(offset, Math.min(size, offset + limit))
                    .mapToObj(n -> new SearchHit(kind, kind + n, query.tsquery(), "/" + kind + "/" + n)).toList();
        }
    }

    private final SiteSearch search = new SiteSearch(
            List.of(new Numbered("ideer", 22), new Numbered("udfordringer", 0), new Numbered("katalog", 3)),
            List.of(() -> List.of(List.of("diabetes", "diabetiker"))));

    @Test
    void pagesRunOnFromOneKindIntoTheNextAndGroupTheHitsByKind() {
        var first = search.search("kræft", null, false, 1);
        assertThat(first.page().total()).isEqualTo(25);
        assertThat(first.page().items()).hasSize(20);
        assertThat(first.groups()).extracting(SiteSearch.Group::kind).containsExactly("ideer");

        var second = search.search("kræft", null, false, 2);
        assertThat(second.page().items()).extracting(SearchHit::title)
                .containsExactly("ideer20", "ideer21", "katalog0", "katalog1", "katalog2");
        assertThat(second.groups()).extracting(SiteSearch.Group::kind, SiteSearch.Group::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ideer", 22L),
                        org.assertj.core.groups.Tuple.tuple("katalog", 3L));
        assertThat(second.counts()).extracting(SiteSearch.KindCount::count).containsExactly(22L, 0L, 3L);
    }

    @Test
    void oneKindIsPagedAloneWhileEveryKindKeepsItsCount() {
        var cases = search.search("kræft", "katalog", false, 1);
        assertThat(cases.page().items()).extracting(SearchHit::kind).containsOnly("katalog").hasSize(3);
        assertThat(cases.all()).isEqualTo(25);
        assertThat(search.search("kræft", "ukendt", false, 1).kind()).isNull();
    }

    @Test
    void aPageBeyondTheLastShowsTheLastAndTheTextIsBounded() {
        assertThat(search.search("kræft", null, false, 99).page().page()).isEqualTo(2);
        String typed = "diabetikere " + "a".repeat(500);
        var result = search.search(typed, null, false, 1);
        assertThat(result.text()).hasSize(SiteSearch.MAX_TEXT);
        assertThat(result.page().items().getFirst().summary()).startsWith("(diabetikere:* | diabetes:* | diabetiker:*)");
    }

    @Test
    void nothingTypedSearchesNothing() {
        var result = search.search("  ,. ", null, false, 1);
        assertThat(result.searched()).isFalse();
        assertThat(result.counts()).isEmpty();
        assertThat(result.page().total()).isZero();
    }
}
