package dk.tvaers.insights.web;

import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.IdeaSource;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The selection of the capacity figures as the query names it ({@code region}, {@code sektor}, {@code type},
 * {@code fra}, {@code til}, {@code kilde}): bound once for the page, its PDF and its workbook, which must show the
 * same figures for the same link.
 */
record CapacityQuery(Region region, @BindParam("sektor") Sector sector, InnovationType type,
        @BindParam("fra") Integer from, @BindParam("til") Integer until, @BindParam("kilde") IdeaSource source) {

    /** The filter the figures are computed with; a year outside 1990–2100 is no limit. */
    FigureFilter filter() {
        return new FigureFilter(region, sector, type, year(from), year(until), source);
    }

    private static Integer year(Integer year) {
        return year == null || year < 1990 || year > 2100 ? null : year;
    }
}
