package dk.tvaers.catalog.web;

import dk.tvaers.platform.web.PdfDocuments;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a case or a selection of cases as PDF: the Thymeleaf template {@code catalog/pdf} (well-formed XHTML, with
 * the spider chart as inline SVG) through {@link PdfDocuments}.
 */
@Component
class CatalogPdf {

    private final ITemplateEngine templates;

    CatalogPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Map<String, Object> variables, Locale locale) {
        return PdfDocuments.render(templates.process("catalog/pdf", new Context(locale, variables)));
    }
}
