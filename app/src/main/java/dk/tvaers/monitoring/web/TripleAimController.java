package dk.tvaers.monitoring.web;

import dk.tvaers.platform.web.Flash;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.Editors;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.monitoring.IndicatorRun;
import dk.tvaers.monitoring.Populations;
import dk.tvaers.monitoring.ResultAccess;
import dk.tvaers.monitoring.Runs;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PdfDocuments;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * An initiative's Triple Aim dashboard: the newest finished run, one panel per aim, as page, Excel workbook and PDF.
 * Only aggregates are shown, and groups under 5 persons never. Who sees which run is {@link ResultAccess}'s rule
 * (the initiative's people, analysts, consultants and the Task Force; everyone logged in once published), and every
 * view and download is audited.
 */
@Controller
class TripleAimController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Runs runs;
    private final Initiatives initiatives;
    private final MessageSource messages;
    private final SpringTemplateEngine templates;
    private final Populations populations;
    private final ResultAccess access;
    private final Editors editors;
    private final ResultsHtml results;

    TripleAimController(Runs runs, Initiatives initiatives, MessageSource messages, SpringTemplateEngine templates,
            Populations populations, ResultAccess access, Editors editors, ResultsHtml results) {
        this.results = results;
        this.populations = populations;
        this.access = access;
        this.editors = editors;
        this.runs = runs;
        this.initiatives = initiatives;
        this.messages = messages;
        this.templates = templates;
    }

    @GetMapping("/initiativer/{id}/triple-aim")
    @PermitAll
    String dashboard(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model,
            Locale locale) {
        Initiative initiative = initiative(id);
        Editor viewer = viewer(principal);
        model.addAttribute("initiative", initiative);
        access.visibleRun(initiative, viewer).ifPresent(run -> {
            access.record(AuditKind.RESULTS_VIEWED, initiative, run, viewer, "page");
            model.addAttribute("publication", access.publication(run.id()).orElse(null));
            model.addAttribute("mayPublish", access.mayPublish(initiative, viewer));
            model.addAttribute("results", results.of(run, locale));
            model.addAttribute("population", populations.ofRun(run.id()).orElse(null));
            model.addAttribute("unavailable", runs.unavailable(run.id()));
            model.addAttribute("personTableKept", runs.personTableKept(run.id()));
            model.addAttribute("personTablesKept", runs.personTablesKept());
        });
        return "monitoring/dashboard";
    }

    /** Publishes the newest run's results (the Task Force and the initiative's project leads; others get 404). */
    @PostMapping("/initiativer/{id}/triple-aim/offentliggoer")
    @PermitAll
    String publish(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        Initiative initiative = initiative(id);
        Editor publisher = viewer(principal);
        long runId = access.publish(initiative, publisher);
        access.record(AuditKind.RESULTS_PUBLISHED, initiative, runs.find(runId).orElseThrow(), publisher, "publish");
        Flash.notice(redirect, "monitoring.publish.done");
        return "redirect:/initiativer/" + id + "/triple-aim";
    }

    @GetMapping("/initiativer/{id}/triple-aim.xlsx")
    @PermitAll
    void excel(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Locale locale,
            HttpServletResponse response) throws IOException {
        IndicatorRun run = visibleRun(principal, id, "xlsx");
        List<IndicatorResult> results = runs.results(run.id());
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"triple-aim-" + id + ".xlsx\"");
        var catalogue = Indicator.catalogue();
        try (var workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet(text("monitoring.excel.sheet", locale));
            String[] headers = {"monitoring.col.dimension", "monitoring.col.indicator", "monitoring.col.unit",
                "monitoring.col.group", "monitoring.col.period", "monitoring.col.stratum", "monitoring.col.value",
                "monitoring.col.n", "monitoring.col.total", "monitoring.col.denominator", "monitoring.col.mean",
                "monitoring.col.median", "monitoring.col.share", "monitoring.col.code.indicator",
                "monitoring.col.code.group", "monitoring.col.code.period", "monitoring.col.code.stratum",
                "monitoring.col.code.value", "monitoring.col.code.unit"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(text(headers[i], locale));
            }
            int r = 1;
            for (IndicatorResult result : results) {
                Indicator indicator = catalogue.stream().filter(x -> x.code().equals(result.indicator())).findFirst()
                        .orElseThrow();
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(text(indicator.dimension().messageKey(), locale));
                row.createCell(1).setCellValue(text(indicator.messageKey(), locale));
                row.createCell(2).setCellValue(text(indicator.unit().messageKey(), locale));
                row.createCell(3).setCellValue(text("monitoring.group." + result.group(), locale));
                row.createCell(4).setCellValue(text("monitoring.period." + result.period(), locale));
                row.createCell(5).setCellValue(text("monitoring.stratum." + result.stratum(), locale));
                row.createCell(6).setCellValue(text("monitoring.value." + result.stratumValue(), locale));
                // the stable codes of the CSV/JSON export beside the translated labels
                row.createCell(13).setCellValue(result.indicator());
                row.createCell(14).setCellValue(result.group());
                row.createCell(15).setCellValue(result.period());
                row.createCell(16).setCellValue(result.stratum());
                row.createCell(17).setCellValue(result.stratumValue());
                row.createCell(18).setCellValue(indicator.unit().name());
                if (result.suppressed()) {
                    row.createCell(7).setCellValue(text(result.secondary() ? Dashboard.SECONDARY_KEY
                            : Dashboard.PRIMARY_KEY, locale));
                    continue;
                }
                boolean money = indicator.unit().hundredths(); // øre and score points are kept in hundredths
                row.createCell(7).setCellValue(result.n());
                // money in kroner for the reader; exact øre in the store
                row.createCell(8).setCellValue(money ? result.total().movePointLeft(2).doubleValue()
                        : result.total().doubleValue());
                if (result.denominator() != null) {
                    row.createCell(9).setCellValue(result.denominator());
                }
                if (result.mean() != null) {
                    row.createCell(10).setCellValue(money ? result.mean().movePointLeft(2).doubleValue()
                            : result.mean().doubleValue());
                }
                if (result.median() != null) {
                    row.createCell(11).setCellValue(money ? result.median().movePointLeft(2).doubleValue()
                            : result.median().doubleValue());
                }
                if (result.shareWithEvent() != null) {
                    row.createCell(12).setCellValue(result.shareWithEvent().doubleValue());
                }
            }
            // the effects: one row per indicator, in the reader's unit, the verdict in words and the codes beside
            Sheet effects = workbook.createSheet(text("monitoring.excel.effects", locale));
            String[] effectHeaders = {"monitoring.col.indicator", "monitoring.col.unit", "monitoring.col.effect",
                "monitoring.col.lower", "monitoring.col.upper", "monitoring.col.verdict",
                "monitoring.col.code.indicator"};
            Row effectHeader = effects.createRow(0);
            for (int i = 0; i < effectHeaders.length; i++) {
                effectHeader.createCell(i).setCellValue(text(effectHeaders[i], locale));
            }
            int e = 1;
            for (var effect : runs.effects(run.id()).effects()) {
                Indicator indicator = catalogue.stream().filter(x -> x.code().equals(effect.indicator())).findFirst()
                        .orElseThrow();
                Row row = effects.createRow(e++);
                row.createCell(0).setCellValue(text(indicator.messageKey(), locale));
                row.createCell(1).setCellValue(text("monitoring.effect.unit." + indicator.unit().name(), locale));
                EffectView view = EffectView.of(indicator, effect, locale);
                if (!effect.suppressed()) {
                    row.createCell(2).setCellValue(EffectView.readerValue(indicator, effect.estimate()).doubleValue());
                    row.createCell(3).setCellValue(EffectView.readerValue(indicator, effect.lower()).doubleValue());
                    row.createCell(4).setCellValue(EffectView.readerValue(indicator, effect.upper()).doubleValue());
                }
                row.createCell(5).setCellValue(text(view.verdictKey(), locale));
                row.createCell(6).setCellValue(effect.indicator());
            }
            try (OutputStream out = response.getOutputStream()) {
                workbook.write(out);
            }
            workbook.dispose();
        }
    }

    /** The aggregates, effects and monthly series with stable codes (ResultRows), for analysts' own tools. */
    @GetMapping("/initiativer/{id}/triple-aim.csv")
    @PermitAll
    void csv(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        IndicatorRun run = visibleRun(principal, id, "csv");
        byte[] body = rows(run).csv().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"triple-aim-" + id + ".csv\"");
        response.getOutputStream().write(body);
    }

    @GetMapping("/initiativer/{id}/triple-aim.json")
    @PermitAll
    void json(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        IndicatorRun run = visibleRun(principal, id, "json");
        byte[] body = rows(run).json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"triple-aim-" + id + ".json\"");
        response.getOutputStream().write(body);
    }

    private ResultRows rows(IndicatorRun run) {
        return ResultRows.of(run, runs.results(run.id()), runs.effects(run.id()), runs.series(run.id()));
    }

    @GetMapping("/initiativer/{id}/triple-aim.pdf")
    @PermitAll
    void pdf(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Locale locale,
            HttpServletResponse response) throws IOException {
        Initiative initiative = initiative(id);
        IndicatorRun run = visibleRun(principal, id, "pdf");
        var context = new Context(locale);
        context.setVariable("initiative", initiative);
        var unavailable = runs.unavailable(run.id());
        context.setVariable("dashboard", Dashboard.of(run, runs.results(run.id()), runs.effects(run.id()),
                runs.series(run.id()), locale, unavailable.indicators()));
        context.setVariable("population", populations.ofRun(run.id()).orElse(null));
        context.setVariable("unavailable", unavailable);
        String html = templates.process("monitoring/pdf", context);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"triple-aim-" + id + ".pdf\"");
        try (OutputStream out = response.getOutputStream()) {
            PdfDocuments.render(html, out); // the same server-rendered SVG charts as the page
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The run the user may download, logged; 404 when there is none for them (ADR 0017). */
    private IndicatorRun visibleRun(AccountPrincipal principal, long id, String format) {
        Initiative initiative = initiative(id);
        Editor viewer = viewer(principal);
        IndicatorRun run = access.visibleRun(initiative, viewer).orElseThrow(() -> new NotFoundException("run", id));
        access.record(AuditKind.RESULTS_DOWNLOADED, initiative, run, viewer, format);
        return run;
    }

    private Editor viewer(AccountPrincipal principal) {
        if (principal == null) {
            // signed in some other way than by an account (never in the application; tests' plain users): the
            // roles of the authentication, no organisation
            var roles = java.util.EnumSet.noneOf(dk.tvaers.shared.Role.class);
            var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            if (authentication != null) {
                for (var authority : authentication.getAuthorities()) {
                    for (var role : dk.tvaers.shared.Role.values()) {
                        if (role.authority().equals(authority.getAuthority())) {
                            roles.add(role);
                        }
                    }
                }
            }
            return new Editor(0, authentication == null ? "" : authentication.getName(), null, roles);
        }
        return editors.of(principal);
    }

    private Initiative initiative(long id) {
        return initiatives.find(id).orElseThrow(() -> new NotFoundException("initiative", id));
    }
}
