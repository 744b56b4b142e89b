package dk.tvaers.catalog;

import dk.tvaers.ideas.SimilarItem;
import dk.tvaers.ideas.SimilarItemSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Is this done somewhere already?": published catalogue cases join the idea portal's suggestions while an idea is
 * written. Cases come in the catalogue's own rank order, ahead of ideas of the same relevance (a case is a practice
 * already tried and assessed), with scores 1, 1/2, 1/3 … so that the portal can mix them with its ideas.
 */
@Component
class CatalogSimilarCases implements SimilarItemSource {

    static final String KIND = "CASE";

    private final CaseSearch catalog;

    CatalogSimilarCases(CaseSearch catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<SimilarItem> similarTo(String text, int limit) {
        List<CaseSummary> cases = catalog.similarTo(text, limit);
        List<SimilarItem> items = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            CaseSummary found = cases.get(i);
            items.add(new SimilarItem(KIND, found.id(), found.title(), "/katalog/" + found.id(), 1.0 / (i + 1)));
        }
        return items;
    }
}
