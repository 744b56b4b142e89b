package dk.tvaers.platform.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a person types into a PostgreSQL {@code tsquery} for the {@code danish} configuration (ADR 0007):
 * each word becomes a prefix ({@code :*}), so another inflection and the first part of a compound word are found
 * ("kræft" finds "kræftpatienter"); a word that begins with a form of a related-forms group (and is at most
 * {@value #MAX_EXTRA_LETTERS} letters longer) is searched as every form of the group ("diabetikere" finds
 * "diabetes"). Only letters and digits pass, so the result is always a valid tsquery.
 */
public final class SearchTerms {

    static final int MAX_WORDS = 8;
    static final int MAX_EXTRA_LETTERS = 4;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<Set<String>> groups;

    /** @param groups the related-forms groups, each a set of lower-case single words */
    public SearchTerms(Collection<? extends Collection<String>> groups) {
        this.groups = groups.stream().<Set<String>>map(LinkedHashSet::new).toList();
    }

    /** The words of a search text, lower-case, without duplicates, at most {@value #MAX_WORDS}. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        var words = new LinkedHashSet<String>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    /** The word and every related form it belongs with. */
    public Set<String> alternatives(String word) {
        var alternatives = new LinkedHashSet<String>();
        alternatives.add(word);
        for (Set<String> group : groups) {
            if (group.stream().anyMatch(form -> word.startsWith(form) && word.length() - form.length() <= MAX_EXTRA_LETTERS)) {
                alternatives.addAll(group);
            }
        }
        return alternatives;
    }

    /** Every word must be found (AND); empty when the text has no words. */
    public String allWords(String text) {
        return join(text, " & ");
    }

    /** Any word may be found (OR): for "is this done somewhere already?", where an idea is described freely. */
    public String anyWord(String text, int minLength) {
        List<String> words = words(text).stream().filter(word -> word.length() >= minLength).toList();
        return join(String.join(" ", words), " | ");
    }

    private String join(String text, String operator) {
        List<String> parts = new ArrayList<>();
        for (String word : words(text)) {
            List<String> prefixes = alternatives(word).stream().map(form -> form + ":*").toList();
            parts.add(prefixes.size() == 1 ? prefixes.getFirst() : "(" + String.join(" | ", prefixes) + ")");
        }
        return String.join(operator, parts);
    }
}
