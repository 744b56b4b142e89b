package dk.tvaers.ideas;

import java.util.List;

/**
 * A source of suggestions for "is this done already?" while an idea is written. The ideas module offers its own
 * ideas; the catalogue module adds its published cases (catalog.CatalogSimilarCases) as a bean — the
 * submission form asks every source and mixes their answers by score.
 */
public interface SimilarItemSource {

    List<SimilarItem> similarTo(String text, int limit);
}
