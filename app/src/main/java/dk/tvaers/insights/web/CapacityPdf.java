package dk.tvaers.insights.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The capacity figures as PDF for the annual report: the template {@code insights/pdf} (XHTML with the page's SVG
 * charts, each followed by its data table) through openhtmltopdf and Batik, tagged for PDF/UA (structure, the title
 * from {@code <title>} shown as the window title, the language from {@code <html lang>}), with DKFDS's IBM Plex Sans
 * embedded as PDF/UA requires — as the case PDF does.
 */
@Component
class CapacityPdf {

    private static final String FONT = "IBM Plex Sans";

    private final ITemplateEngine templates;
    private final ApplicationContext application;

    CapacityPdf(ITemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    byte[] render(Map<String, Object> variables, Locale locale) {
        var context = new Context(locale, variables);
        // the page's own expressions (e.g. @money.format) reach the beans as they do on the page
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        String html = templates.process("insights/pdf", context);
        var out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .usePdfUaAccessibility(true)
                    .useFont(() -> font("Regular"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(() -> font("Bold"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(() -> font("Regular"), "serif", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(() -> font("Regular"), "sans-serif", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useSVGDrawer(new BatikSVGDrawer())
                    .withHtmlContent(html, null)
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String style) {
        var in = CapacityPdf.class.getResourceAsStream(
                "/static/vendor/dkfds/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-" + style + ".ttf");
        if (in == null) {
            throw new IllegalStateException("IBM Plex Sans " + style + " is not in the jar (the front-end build copies it)");
        }
        return in;
    }
}
