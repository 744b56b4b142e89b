package dk.tvaers.catalog.web;

import dk.tvaers.catalog.Assessment;
import dk.tvaers.catalog.CaseSection;
import dk.tvaers.catalog.CaseVersion;
import dk.tvaers.catalog.CatalogCase;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a case page (and its PDF) shows: a version, the assessment shown with it (or none) and its chart.
 * {@code published} says whether this version is the one the public catalogue shows.
 */
public record CaseView(CatalogCase file, CaseVersion version, Assessment assessment, SpiderChart chart,
        String savedAt) {

    static CaseView of(CatalogCase file, CaseVersion version, Assessment assessment, String savedAt) {
        return new CaseView(file, version, assessment, assessment == null ? null : SpiderChart.of(assessment.scores()),
                savedAt);
    }

    /** The sections that have text, in their standard order. */
    public List<CaseSection> filledSections() {
        return java.util.Arrays.stream(CaseSection.values()).filter(s -> !version.section(s).isBlank()).toList();
    }

    public boolean hasEconomyFigures() {
        return version.costOre() != null || version.fundingOre() != null || version.savingOre() != null;
    }

    /** Basis points as a Danish percentage ("3,5 %"). */
    public static String percent(int basisPoints) {
        return new java.math.BigDecimal(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString()
                .replace('.', ',') + " %";
    }

    /** Whole kroner from øre, with Danish thousands separators ("1.650.000"). */
    public static String kroner(Long ore) {
        if (ore == null) {
            return "";
        }
        return NumberFormat.getIntegerInstance(Locale.of("da", "DK")).format(ore / 100);
    }
}
