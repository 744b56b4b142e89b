package dk.tvaers.platform.search;

import dk.tvaers.platform.web.PageOf;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One search across everything public (issue 11, item 17; ADR 0036): the typed text becomes one Danish
 * {@code tsquery} ({@link SearchTerms} with the catalogue's related forms), each module's {@link SearchSource} counts
 * and finds its own rows, and the hits are paged as one list grouped by kind, in the sources' order. Bounded: the
 * text is cut at {@value #MAX_TEXT} characters (and {@link SearchTerms} keeps at most 8 words), a page holds
 * {@value #PAGE_SIZE} hits, and a page beyond the last shows the last.
 */
@Service
public class SiteSearch {

    public static final int MAX_TEXT = 200;
    public static final int PAGE_SIZE = PageOf.DEFAULT_SIZE;

    /** A kind with how many hits it has for the text. */
    public record KindCount(String kind, String headingKey, long count) {}

    /** The hits of one kind on the page shown, with the kind's whole count. */
    public record Group(String kind, String headingKey, long count, List<SearchHit> hits) {}

    /**
     * A search's answer: the text searched, whether it held a word to search for, the kind chosen ({@code null}: every kind), every kind's count, and the
     * page of hits of the chosen kinds with those hits grouped by kind.
     */
    public record Result(String text, boolean searched, String kind, List<KindCount> counts, PageOf<SearchHit> page,
            List<Group> groups) {

        /** The hits of every kind together. */
        public long all() {
            return counts.stream().mapToLong(KindCount::count).sum();
        }
    }

    private final List<SearchSource> sources;
    private final List<RelatedForms> relatedForms;

    SiteSearch(List<SearchSource> sources, List<RelatedForms> relatedForms) {
        this.sources = List.copyOf(sources);
        this.relatedForms = List.copyOf(relatedForms);
    }

    /** The kinds the search knows, in their order. */
    public List<String> kinds() {
        return sources.stream().map(SearchSource::kind).toList();
    }

    /** The text as it is searched: stripped and cut at {@value #MAX_TEXT} characters; "" for none. */
    public static String bounded(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT).strip() : stripped;
    }

    /**
     * Searches {@code text} in every source ({@code kind} null or unknown) or in one kind's, and gives page
     * {@code page} (from 1) of the hits.
     */
    @Transactional(readOnly = true)
    public Result search(String text, String kind, boolean signedIn, int page) {
        String bounded = bounded(text);
        String chosen = kinds().contains(kind) ? kind : null;
        List<List<String>> groups = relatedForms.stream().flatMap(forms -> forms.groups().stream()).toList();
        String tsquery = new SearchTerms(groups).allWords(bounded);
        if (tsquery.isEmpty()) {
            return new Result(bounded, false, chosen, List.of(), new PageOf<>(List.of(), 1, PAGE_SIZE, 0), List.of());
        }
        var query = new SearchQuery(bounded, tsquery, signedIn);
        List<KindCount> counts = new ArrayList<>();
        List<SearchSource> chosenSources = new ArrayList<>();
        long total = 0;
        for (SearchSource source : sources) {
            long count = source.count(query);
            counts.add(new KindCount(source.kind(), source.headingKey(), count));
            if (chosen == null || chosen.equals(source.kind())) {
                chosenSources.add(source);
                total += count;
            }
        }
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pageCount);
        long skip = (long) (shown - 1) * PAGE_SIZE;
        int room = PAGE_SIZE;
        List<SearchHit> hits = new ArrayList<>();
        List<Group> grouped = new ArrayList<>();
        for (SearchSource source : chosenSources) {
            long count = counts.get(sources.indexOf(source)).count();
            if (room == 0) {
                break;
            }
            if (skip >= count) {
                skip -= count;
                continue;
            }
            List<SearchHit> found = source.find(query, skip, (int) Math.min(room, count - skip));
            skip = 0;
            room -= found.size();
            hits.addAll(found);
            if (!found.isEmpty()) {
                grouped.add(new Group(source.kind(), source.headingKey(), count, found));
            }
        }
        return new Result(bounded, true, chosen, counts, new PageOf<>(hits, shown, PAGE_SIZE, total), grouped);
    }
}
