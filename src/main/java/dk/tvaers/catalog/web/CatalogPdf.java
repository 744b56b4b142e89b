package dk.tvaers.catalog.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a case or a selection of cases as PDF: the Thymeleaf template {@code catalog/pdf} (well-formed XHTML, with
 * the spider chart as inline SVG) through openhtmltopdf with Batik for the SVG.
 */
@Component
class CatalogPdf {

    private final ITemplateEngine templates;

    CatalogPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Map<String, Object> variables, Locale locale) {
        String html = templates.process("catalog/pdf", new Context(locale, variables));
        var out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useSVGDrawer(new BatikSVGDrawer())
                    .withHtmlContent(html, null)
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
