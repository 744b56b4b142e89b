package dk.tvaers.accounts.web;

import dk.tvaers.accounts.AuditKind;
import dk.tvaers.accounts.AuditLog;
import dk.tvaers.platform.web.CsvWriter;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.TimeFormat;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
        model.addAttribute("list", ListPage.of("/admin/revisionslog",
                        audit.search(new AuditLog.Filter(kind, text, from, to), PageOf.clampPage(page), 50))
                .filter("q", text).filter("type", kind).filter("fra", from).filter("til", to)
                .export("list.export.csv", "/admin/revisionslog/eksport.csv"));
        model.addAttribute("kinds", AuditKind.values());
        return ListPage.view("admin/audit", htmx.isHtmxRequest());
    }

    @GetMapping("/eksport.csv")
    void export(@RequestParam(name = "type", required = false) AuditKind kind,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "fra", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "til", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        var filter = new AuditLog.Filter(kind, text, from, to);
        var locale = LocaleContextHolder.getLocale();
        CsvWriter.download(response, "revisionslog.csv", messages,
                List.of("audit.time", "audit.kind", "audit.actor", "audit.subject", "audit.details", "audit.address"),
                number -> audit.search(filter, number, 1000),
                entry -> Arrays.asList(time.dateTimeSeconds(entry.occurredAt()),
                        messages.getMessage(entry.kind().messageKey(), null, locale), entry.actor(), entry.subject(),
                        entry.details(), entry.remoteAddress()));
    }
}
