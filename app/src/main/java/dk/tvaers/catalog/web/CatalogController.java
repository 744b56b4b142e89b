package dk.tvaers.catalog.web;

import dk.tvaers.catalog.Adoptions;
import dk.tvaers.catalog.Assessment;
import dk.tvaers.catalog.CaseCatalog;
import dk.tvaers.catalog.CaseEconomySource;
import dk.tvaers.catalog.CaseFundingSource;
import dk.tvaers.catalog.CaseResultsSource;
import dk.tvaers.catalog.CaseSearch;
import dk.tvaers.catalog.CaseSummary;
import dk.tvaers.catalog.CaseVersion;
import dk.tvaers.catalog.CatalogCase;
import dk.tvaers.catalog.DiseaseGroup;
import dk.tvaers.catalog.EvidenceLevel;
import dk.tvaers.catalog.Parameter;
import dk.tvaers.catalog.Stories;
import dk.tvaers.catalog.Theme;
import dk.tvaers.platform.web.CsvWriter;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.TimeFormat;
import dk.tvaers.platform.web.SameForAnonymousVisitors;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public case catalogue: search and filter, a case page, its PDF, and the selection as PDF, Excel and CSV. */
@Controller
@RequestMapping("/katalog")
class CatalogController {

    /** At most this many cases go into one exported catalogue. */
    static final int EXPORT_LIMIT = 500;

    private final CaseCatalog catalog;
    private final CaseSearch search;
    private final Stories stories;
    private final CatalogPdf pdf;
    private final MessageSource messages;
    private final TimeFormat time;
    private final List<CaseEconomySource> economySources;

    private final List<CaseFundingSource> fundingSources;
    private final List<CaseResultsSource> resultsSources;
    private final Adoptions adoptions;

    CatalogController(CaseCatalog catalog, CaseSearch search, Stories stories, CatalogPdf pdf, MessageSource messages, TimeFormat time,
            List<CaseFundingSource> fundingSources, List<CaseResultsSource> resultsSources,
            List<CaseEconomySource> economySources, Adoptions adoptions) {
        this.adoptions = adoptions;
        this.fundingSources = fundingSources;
        this.resultsSources = resultsSources;
        this.economySources = economySources;
        this.catalog = catalog;
        this.search = search;
        this.stories = stories;
        this.pdf = pdf;
        this.messages = messages;
        this.time = time;
    }

    @SameForAnonymousVisitors
    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "sygdom", required = false) DiseaseGroup disease,
            @RequestParam(name = "tema", required = false) Theme theme,
            @RequestParam(name = "sektor", required = false) Sector sector,
            @RequestParam(name = "region", required = false) Region region,
            @RequestParam(name = "evidens", required = false) EvidenceLevel evidence,
            @RequestParam(name = "sortering", required = false) CaseSearch.Sort sort,
            @RequestParam(name = "side", required = false) Integer page,
            HtmxRequest htmx, Model model) {
        var filter = new CaseSearch.Filter(text, disease, theme, sector, region, evidence);
        model.addAttribute("list", ListPage.of("/katalog",
                        search.search(filter, sort, PageOf.clampPage(page), PageOf.DEFAULT_SIZE))
                .filter("q", text).filter("sygdom", disease).filter("tema", theme).filter("sektor", sector)
                .filter("region", region).filter("evidens", evidence).filter("sortering", sort)
                .export("list.export.pdf", "/katalog/eksport/pdf")
                .export("list.export.xlsx", "/katalog/eksport/xlsx")
                .export("list.export.csv", "/katalog/eksport/csv"));
        model.addAttribute("diseases", DiseaseGroup.values());
        model.addAttribute("themes", Theme.values());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("regions", Region.values());
        model.addAttribute("levels", EvidenceLevel.values());
        model.addAttribute("sorts", CaseSearch.Sort.values());
        return ListPage.view("catalog/list", htmx.isHtmxRequest());
    }

    @SameForAnonymousVisitors
    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        CaseView view = published(id);
        model.addAttribute("view", view);
        model.addAttribute("stories", stories.aboutCase(id));
        // spread: where the case runs today, as a list and a map of the regions
        var adopted = adoptions.ofCase(id);
        model.addAttribute("adoptions", adopted);
        model.addAttribute("adoptionMap", RegionMap.shapes(Adoptions.byRegion(adopted)));
        model.addAttribute("bornholmBox", RegionMap.bornholmBox());
        // how the initiative the case describes was funded (its grants, the call each answered) and whether its Triple
        // Aim results are published (issue 11, item 12; ADR 0036): never an unpublished run
        Long initiative = view.file().initiativeId();
        model.addAttribute("grants", initiative == null ? List.of() : fundingSources.stream()
                .flatMap(source -> source.grantsOf(initiative).stream()).toList());
        model.addAttribute("results", initiative == null ? null : resultsSources.stream()
                .map(source -> source.publishedOf(initiative)).flatMap(java.util.Optional::stream).findFirst()
                .orElse(null));
        // the approved business case of the case's initiative, if the economy module gives one
        economy(view).ifPresent(economy -> model.addAttribute("economy", economy));
        return "catalog/case";
    }

    @GetMapping("/{id:\\d+}/pdf")
    ResponseEntity<byte[]> casePdf(@PathVariable long id) {
        CaseView view = published(id);
        Locale locale = LocaleContextHolder.getLocale();
        byte[] document = pdf.render(Map.of("views", List.of(view), "catalogue", false, "economies",
                economies(List.of(view))), locale);
        return download(document, MediaType.APPLICATION_PDF, "case-" + id + ".pdf");
    }

    @GetMapping("/eksport/pdf")
    ResponseEntity<byte[]> cataloguePdf(@RequestParam Map<String, String> params) {
        List<CaseView> views = new ArrayList<>();
        for (CaseSummary summary : selection(params)) {
            views.add(published(summary.id()));
        }
        byte[] document = pdf.render(Map.of("views", views, "catalogue", true, "economies", economies(views)),
                LocaleContextHolder.getLocale());
        return download(document, MediaType.APPLICATION_PDF, "katalog.pdf");
    }

    @GetMapping("/eksport/xlsx")
    void excel(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"katalog.xlsx\"");
        try (var workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet(message("catalog.heading"));
            int r = 0;
            write(sheet.createRow(r++), new ArrayList<>(header()));
            for (CaseSummary summary : selection(params)) {
                write(sheet.createRow(r++), row(summary));
            }
            workbook.write(response.getOutputStream());
            workbook.dispose();
        }
    }

    @GetMapping("/eksport/csv")
    void csv(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"katalog.csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        var csv = new CsvWriter(writer);
        csv.row(header());
        for (CaseSummary summary : selection(params)) {
            csv.row(row(summary).stream().map(value -> value == null ? "" : String.valueOf(value)).toList());
        }
        writer.flush();
    }

    // --- helpers ---

    /** The key figures of the approved business case of the case's initiative, if the economy module gives one. */
    private java.util.Optional<CaseEconomySource.CaseEconomy> economy(CaseView view) {
        Long initiativeId = view.file().initiativeId();
        return initiativeId == null ? java.util.Optional.empty() : economySources.stream()
                .map(source -> source.approvedOf(initiativeId)).flatMap(java.util.Optional::stream).findFirst();
    }

    /** The PDF's economy per case id (the cases whose initiative has an approved business case). */
    private Map<Long, CaseEconomySource.CaseEconomy> economies(List<CaseView> views) {
        var economies = new java.util.HashMap<Long, CaseEconomySource.CaseEconomy>();
        for (CaseView view : views) {
            economy(view).ifPresent(economy -> economies.put(view.file().id(), economy));
        }
        return economies;
    }

    private CaseView published(long id) {
        CatalogCase file = catalog.find(id).filter(CatalogCase::published)
                .orElseThrow(() -> new NotFoundException("case", id));
        CaseVersion version = catalog.publishedVersion(id).orElseThrow(() -> new NotFoundException("case", id));
        Assessment assessment = file.publishedAssessmentId() == null ? null
                : catalog.assessment(file.publishedAssessmentId()).orElse(null);
        return CaseView.of(file, version, assessment, time.dateTime(file.publishedAt()));
    }

    /** The cases of the list's filters (the same parameters as the list page), in its order. */
    private List<CaseSummary> selection(Map<String, String> params) {
        var filter = new CaseSearch.Filter(params.get("q"), parse(DiseaseGroup.class, params.get("sygdom")),
                parse(Theme.class, params.get("tema")), parse(Sector.class, params.get("sektor")),
                parse(Region.class, params.get("region")), parse(EvidenceLevel.class, params.get("evidens")));
        return search.search(filter, parse(CaseSearch.Sort.class, params.get("sortering")), 1, EXPORT_LIMIT).items();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<String> header() {
        List<String> header = new ArrayList<>(List.of(message("case.title"), message("case.region"),
                message("case.diseases"), message("case.themes"), message("catalog.evidence")));
        for (Parameter parameter : Parameter.values()) {
            header.add(message(parameter.messageKey()));
        }
        header.add(message("catalog.export.link"));
        return header;
    }

    /** A case's row of the exports: texts, and the five scores as numbers (none when it is not assessed). */
    private List<Object> row(CaseSummary summary) {
        List<Object> row = new ArrayList<>(List.of(summary.title(),
                summary.region() == null ? "" : message(summary.region().messageKey()),
                summary.diseases().stream().map(d -> message(d.messageKey())).collect(Collectors.joining(", ")),
                summary.themes().stream().map(t -> message(t.messageKey())).collect(Collectors.joining(", ")),
                message(summary.evidenceLevel().messageKey())));
        for (Parameter parameter : Parameter.values()) {
            row.add(summary.assessment() == null ? null : summary.assessment().score(parameter));
        }
        row.add("/katalog/" + summary.id());
        return row;
    }

    /** Writes a row: a number as a number (Excel sums and sorts it), a text as text, nothing as an empty cell. */
    private static void write(Row row, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(String.valueOf(value));
            }
        }
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

}
