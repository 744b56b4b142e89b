package dk.tvaers.catalog.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
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

    static final String FONT = "IBM Plex Sans";

    private final ITemplateEngine templates;

    private static java.io.InputStream font(String style) {
        var in = CatalogPdf.class.getResourceAsStream(
                "/static/vendor/dkfds/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-" + style + ".ttf");
        if (in == null) {
            throw new IllegalStateException("IBM Plex Sans " + style + " is not in the jar (the front-end build copies it)");
        }
        return in;
    }

    CatalogPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Map<String, Object> variables, Locale locale) {
        String html = templates.process("catalog/pdf", new Context(locale, variables));
        var out = new ByteArrayOutputStream();
        try {
            // tagged PDF/UA (structure, title from <title>, language from <html lang>); PDF/UA needs embedded
            // fonts, so the text is set in DKFDS's IBM Plex Sans, shipped in the jar by the front-end build
            new PdfRendererBuilder()
                    .useFastMode()
                    .usePdfUaAccessibility(true)
                    .useFont(() -> font("Regular"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(() -> font("Bold"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(() -> font("Italic"), FONT, 400, BaseRendererBuilder.FontStyle.ITALIC, true)
                    // PDF/UA has no built-in fonts: the generic families (page numbers, defaults) are Plex too
                    .useFont(() -> font("Regular"), "serif", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(() -> font("Regular"), "sans-serif", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(() -> font("Regular"), "monospace", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
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
