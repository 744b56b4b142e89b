package dk.tvaers.insights.web;

import dk.tvaers.platform.web.PdfDocuments;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The capacity figures as PDF for the annual report: the template {@code insights/pdf} (XHTML with the page's SVG
 * charts, each followed by its data table) through {@link PdfDocuments}, as every PDF of the site.
 */
@Component
class CapacityPdf {

    private final ITemplateEngine templates;
    private final ApplicationContext application;

    CapacityPdf(ITemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    byte[] render(Map<String, Object> variables, Locale locale) {
        return PdfDocuments.render(html(variables, locale));
    }

    /** The document the PDF is made of (its charts' text is drawn as shapes in the PDF, so it is read here). */
    String html(Map<String, Object> variables, Locale locale) {
        var context = new Context(locale, variables);
        // the page's own expressions (e.g. @money.format) reach the beans as they do on the page
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        return templates.process("insights/pdf", context);
    }
}
