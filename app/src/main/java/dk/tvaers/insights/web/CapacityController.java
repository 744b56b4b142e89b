package dk.tvaers.insights.web;

import dk.tvaers.insights.Capacity;
import dk.tvaers.insights.CapacityFigures;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.shared.IdeaSource;
import dk.tvaers.shared.Role;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import dk.tvaers.shared.StageTime;
import dk.tvaers.shared.YearCount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The innovation capacity (issue 15), public like the open data it is part of: aggregate figures only, filtered by
 * region, sector, kind of innovation and years, with charts, tables, drill-down links to the lists the figures come
 * from, and Excel.
 */
@Controller
class CapacityController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Who may take the PDF for the annual report: the roles that have the page in their menu. */
    private static final java.util.Set<Role> REPORTERS = java.util.EnumSet.of(Role.TASK_FORCE, Role.ANALYST,
            Role.INNOVATION_CONSULTANT, Role.ADMINISTRATOR);

    private final CapacityFigures figures;
    private final MessageSource messages;
    private final CapacityPdf pdf;
    private final java.time.Clock clock;

    CapacityController(CapacityFigures figures, MessageSource messages, CapacityPdf pdf, java.time.Clock clock) {
        this.figures = figures;
        this.messages = messages;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping("/innovationskapacitet")
    String page(CapacityQuery selection,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        FigureFilter filter = selection.filter();
        Capacity capacity = figures.of(filter);
        charts(capacity, model);
        model.addAttribute("regions", Region.values());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("types", InnovationType.values());
        model.addAttribute("sources", IdeaSource.values());
        model.addAttribute("links", links(filter));
        model.addAttribute("excel", query("/innovationskapacitet.xlsx", filter));
        model.addAttribute("pdf", user != null && user.roles().stream().anyMatch(REPORTERS::contains)
                ? query("/innovationskapacitet.pdf", filter) : null);
        return "insights/capacity";
    }

    /**
     * The figures as PDF for the annual report: the page's charts with their tables and the selection it shows.
     * Rendering costs more than a page, so it is for the roles that report (a signed-in request each).
     */
    @GetMapping("/innovationskapacitet.pdf")
    @RolesAllowed({"TASK_FORCE", "ANALYST", "INNOVATION_CONSULTANT", "ADMINISTRATOR"})
    ResponseEntity<byte[]> pdf(CapacityQuery selection) {
        FigureFilter filter = selection.filter();
        Capacity capacity = figures.of(filter);
        var model = new org.springframework.ui.ExtendedModelMap();
        charts(capacity, model);
        model.addAttribute("made", java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Copenhagen"))));
        byte[] body = pdf.render(model, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("innovationskapacitet.pdf").build().toString())
                .body(body);
    }

    /** What the page and the PDF draw: the figures, the filter, the charts' coordinates. */
    static void charts(Capacity capacity, Model model) {
        model.addAttribute("capacity", capacity);
        model.addAttribute("filter", capacity.filter());
        model.addAttribute("funnel", CapacityCharts.funnel(capacity));
        model.addAttribute("ideaStages", CapacityCharts.stages(capacity.ideaStages(), "insights.ideaStage."));
        model.addAttribute("phaseStages", CapacityCharts.stages(capacity.initiativePhases(), "insights.phase."));
        model.addAttribute("trend", CapacityCharts.trend(capacity.ideasByYear()));
        model.addAttribute("chartLeft", CapacityCharts.left());
        model.addAttribute("sourceLinks", sourceLinks(capacity));
    }

    @GetMapping("/innovationskapacitet.xlsx")
    ResponseEntity<byte[]> excel(CapacityQuery selection) throws IOException {
        Capacity capacity = figures.of(selection.filter());
        try (var workbook = new SXSSFWorkbook(100); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(message("insights.excel.figures"));
            int r = 0;
            for (List<Object> line : rows(capacity)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < line.size(); i++) {
                    Object value = line.get(i);
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(i).setCellValue(String.valueOf(value));
                    }
                }
            }
            Sheet years = workbook.createSheet(message("insights.excel.years"));
            Row head = years.createRow(0);
            head.createCell(0).setCellValue(message("insights.year"));
            head.createCell(1).setCellValue(message("insights.ideasReceived"));
            int y = 1;
            for (YearCount year : capacity.ideasByYear()) {
                Row row = years.createRow(y++);
                row.createCell(0).setCellValue(year.year());
                row.createCell(1).setCellValue(year.count());
            }
            workbook.write(out);
            workbook.dispose();
            return ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename("innovationskapacitet.xlsx").build().toString())
                    .body(out.toByteArray());
        }
    }

    /** The figures as label and value rows: the Excel sheet (money in kroner, as a number). */
    private List<List<Object>> rows(Capacity c) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(message("insights.figure"), message("insights.value")));
        rows.add(List.of(message("insights.ideasReceived"), c.ideas().received()));
        for (var source : c.ideasBySource()) {
            rows.add(List.of(message("insights.ideasFrom") + " " + message(source.source().messageKey()),
                    source.received()));
        }
        rows.add(List.of(message("insights.ideasToInitiatives"), c.ideas().becameInitiative()));
        rows.add(List.of(message("insights.initiatives"), c.initiatives().initiatives()));
        rows.add(List.of(message("insights.useful"), c.initiatives().useful()));
        rows.add(List.of(message("insights.putToUse"), c.initiatives().putToUse()));
        rows.add(List.of(message("insights.crossSector"), c.initiatives().crossSector()));
        rows.add(List.of(message("insights.crossSectorShare"), c.crossSectorPercent()));
        rows.add(List.of(message("insights.money.granted"), c.money().grantedOre() / 100.0));
        rows.add(List.of(message("insights.money.released"), c.money().releasedOre() / 100.0));
        rows.add(List.of(message("insights.money.paid"), c.money().paidOre() / 100.0));
        rows.add(List.of(message("insights.challenges"), c.challenges().challenges()));
        rows.add(List.of(message("insights.calls"), c.challenges().calls()));
        rows.add(List.of(message("insights.applications"), c.challenges().applications()));
        rows.add(List.of(message("insights.publishedCases"), c.publishedCases()));
        rows.add(List.of(message("insights.adoptions"), c.spread().adoptions()));
        rows.add(List.of(message("insights.casesAdopted"), c.spread().casesAdopted()));
        for (StageTime stage : c.ideaStages()) {
            rows.add(List.of(message("insights.ideaStage." + stage.stage()) + " – " + message("insights.median"),
                    stage.medianDays()));
            rows.add(List.of(message("insights.ideaStage." + stage.stage()) + " – " + message("insights.p90"),
                    stage.p90Days()));
        }
        for (StageTime stage : c.initiativePhases()) {
            rows.add(List.of(message("insights.phase." + stage.stage()) + " – " + message("insights.median"),
                    stage.medianDays()));
            rows.add(List.of(message("insights.phase." + stage.stage()) + " – " + message("insights.p90"),
                    stage.p90Days()));
        }
        return rows;
    }

    /** Links to the lists the figures come from, with the filters those lists have. */
    record Links(String ideas, String initiatives, String useful, String putToUse, String cases, String challenges) {}

    static Links links(FigureFilter filter) {
        String sector = filter.sector() == null ? null : filter.sector().name();
        String type = filter.type() == null ? null : filter.type().name();
        String region = filter.region() == null ? null : filter.region().name();
        return new Links(ideas(filter, filter.source()),
                UriComponentsBuilder.fromPath("/initiativer").queryParamIfPresent("sektor", opt(sector)).build()
                        .toUriString(),
                UriComponentsBuilder.fromPath("/initiativer").queryParam("fase", "USEFUL")
                        .queryParamIfPresent("sektor", opt(sector)).build().toUriString(),
                UriComponentsBuilder.fromPath("/initiativer").queryParam("fase", "PUT_TO_USE")
                        .queryParamIfPresent("sektor", opt(sector)).build().toUriString(),
                UriComponentsBuilder.fromPath("/katalog").queryParamIfPresent("region", opt(region))
                        .queryParamIfPresent("sektor", opt(sector)).build().toUriString(),
                "/udfordringer");
    }

    /** The idea list with the filters it has (sector, type, source). */
    static String ideas(FigureFilter filter, IdeaSource source) {
        return UriComponentsBuilder.fromPath("/ideer")
                .queryParamIfPresent("sektor", opt(filter.sector() == null ? null : filter.sector().name()))
                .queryParamIfPresent("type", opt(filter.type() == null ? null : filter.type().name()))
                .queryParamIfPresent("kilde", opt(source == null ? null : source.name())).build().toUriString();
    }

    /** A row of the ideas-by-source table: the source, its count and the idea list of that source. */
    record SourceLink(IdeaSource source, long received, String href) {}

    static List<SourceLink> sourceLinks(Capacity capacity) {
        return capacity.ideasBySource().stream()
                .map(s -> new SourceLink(s.source(), s.received(), ideas(capacity.filter(), s.source()))).toList();
    }

    private static String query(String path, FigureFilter filter) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("region", opt(filter.region() == null ? null : filter.region().name()))
                .queryParamIfPresent("sektor", opt(filter.sector() == null ? null : filter.sector().name()))
                .queryParamIfPresent("type", opt(filter.type() == null ? null : filter.type().name()))
                .queryParamIfPresent("fra", java.util.Optional.ofNullable(filter.fromYear()))
                .queryParamIfPresent("til", java.util.Optional.ofNullable(filter.toYear()))
                .queryParamIfPresent("kilde", opt(filter.source() == null ? null : filter.source().name()))
                .build().toUriString();
    }

    private static java.util.Optional<String> opt(String value) {
        return java.util.Optional.ofNullable(value);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
