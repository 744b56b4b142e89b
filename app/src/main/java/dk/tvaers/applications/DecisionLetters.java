package dk.tvaers.applications;

import dk.tvaers.funding.Tranche;
import dk.tvaers.platform.web.PdfDocuments;
import dk.tvaers.platform.web.TimeFormat;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The decision letter to the consortium, in Danish: the Thymeleaf template {@code applications/letter} (well-formed
 * XHTML) rendered by {@link PdfDocuments}, as every PDF of the application.
 */
@Component
class DecisionLetters {

    static final Locale DANISH = Locale.of("da", "DK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH)
            .withZone(TimeFormat.COPENHAGEN);

    private final ITemplateEngine templates;

    DecisionLetters(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** One tranche as the letter shows it. */
    record TrancheLine(int number, String amount, String reportDue) {}

    byte[] render(Decision decision, Application application, ApplicationVersion version, Consortium consortium,
            List<Tranche> tranches) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", decision);
        variables.put("app", application);
        variables.put("version", version);
        variables.put("consortium", consortium);
        variables.put("date", DATE.format(decision.decidedAt()));
        variables.put("applied", decision.applied().format(DANISH));
        variables.put("granted", decision.granted() == null ? "" : decision.granted().format(DANISH));
        variables.put("tranches", tranches.stream().map(t -> new TrancheLine(t.number(), t.amount().format(DANISH),
                DATE.format(t.reportDue().atStartOfDay(TimeFormat.COPENHAGEN)))).toList());
        return PdfDocuments.render(templates.process("applications/letter", new Context(DANISH, variables)));
    }
}
