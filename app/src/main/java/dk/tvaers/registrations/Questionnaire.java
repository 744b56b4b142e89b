package dk.tvaers.registrations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PRO questionnaire version with its scoring and triage rule: the score is the sum over the scored items of
 * (level − 1), so 0 is best; yellow from {@code yellowFrom}, red from {@code redFrom}, and red whatever the sum when
 * any scored item is answered at its worst level ({@code worstItemRed}). {@code indexMeasure}: the measure the
 * export gives the index 1 − score / max (0–1), e.g. {@code EQ5D_INDEX}.
 */
public record Questionnaire(long id, long schemeId, String code, int version, String title, int yellowFrom,
        int redFrom, boolean worstItemRed, String indexMeasure, List<Item> items) {

    /** An item: its text, its levels (labels, best first), whether it counts to the score, its own export measure. */
    public record Item(int position, String code, String text, List<String> levels, boolean scored,
            String exportMeasure) {}

    public Questionnaire {
        items = List.copyOf(items);
    }

    public enum Triage {
        GREEN, YELLOW, RED;

        public String messageKey() {
            return "registration.triage." + name();
        }
    }

    public record Scored(int score, Triage triage) {}

    public int maxScore() {
        return items.stream().filter(Item::scored).mapToInt(i -> i.levels().size() - 1).sum();
    }

    /**
     * Scores answers (item code → level, 1 = best) and triages them by this version's thresholds.
     *
     * @throws IllegalArgumentException when an item is unanswered or a level is out of range
     */
    public Scored score(Map<String, Integer> answers) {
        int score = 0;
        boolean worst = false;
        for (Item item : items) {
            Integer level = answers.get(item.code());
            if (level == null || level < 1 || level > item.levels().size()) {
                throw new IllegalArgumentException("item " + item.code() + " unanswered or out of range");
            }
            if (item.scored()) {
                score += level - 1;
                worst |= level == item.levels().size();
            }
        }
        Triage triage = score >= redFrom || (worstItemRed && worst) ? Triage.RED
                : score >= yellowFrom ? Triage.YELLOW : Triage.GREEN;
        return new Scored(score, triage);
    }

    /** The answers as stored: {@code CODE=level;…} in item order. */
    static String encode(Map<String, Integer> answers, List<Item> items) {
        var parts = new StringBuilder();
        for (Item item : items) {
            if (!parts.isEmpty()) {
                parts.append(';');
            }
            parts.append(item.code()).append('=').append(answers.get(item.code()));
        }
        return parts.toString();
    }

    static Map<String, Integer> decode(String stored) {
        var answers = new LinkedHashMap<String, Integer>();
        for (String part : stored.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                answers.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
            }
        }
        return answers;
    }
}
