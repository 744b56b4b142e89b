package dk.tvaers.accounts.web;

import dk.tvaers.accounts.AuditEntry;
import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.platform.web.CsvWriter;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.TimeFormat;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's view of the audit log: filter by kind, text and period; export. */
@Controller
@RequestMapping("/admin/revisionslog")
@RolesAllowed("ADMINISTRATOR")
class AuditLogController {

    private final AuditLog audit;
    private final MessageSource messages;
    private final TimeFormat time;

    AuditLogController(AuditLog audit, MessageSource messages, TimeFormat time) {
        this.audit = audit;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping
    String list(@RequestParam(name = "type", required = false) AuditKind kind,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "fra", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "til", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "side", required = false) Integer page,
            HtmxRequest htmx, Model model) {
        model.addAttribute("page", audit.search(new AuditLog.Filter(kind, text, from, to), PageOf.clampPage(page), 50));
        model.addAttribute("type", kind);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("fra", from);
        model.addAttribute("til", to);
        model.addAttribute("kinds", AuditKind.values());
        return htmx.isHtmxRequest() ? "admin/audit :: results" : "admin/audit";
    }

    @GetMapping("/eksport.csv")
    void export(@RequestParam(name = "type", required = false) AuditKind kind,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "fra", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "til", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"revisionslog.csv\"");
        var locale = LocaleContextHolder.getLocale();
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        var csv = new CsvWriter(writer);
        csv.row(List.of(
                messages.getMessage("audit.time", null, locale),
                messages.getMessage("audit.kind", null, locale),
                messages.getMessage("audit.actor", null, locale),
                messages.getMessage("audit.subject", null, locale),
                messages.getMessage("audit.details", null, locale),
                messages.getMessage("audit.address", null, locale)));
        var filter = new AuditLog.Filter(kind, text, from, to);
        int pageNumber = 1;
        PageOf<AuditEntry> page;
        do {
            page = audit.search(filter, pageNumber++, 1000);
            for (AuditEntry entry : page.items()) {
                csv.row(Arrays.asList(time.dateTimeSeconds(entry.occurredAt()),
                        messages.getMessage(entry.kind().messageKey(), null, locale), entry.actor(), entry.subject(),
                        entry.details(), entry.remoteAddress()));
            }
        } while (page.hasNext());
        writer.flush();
    }
}
