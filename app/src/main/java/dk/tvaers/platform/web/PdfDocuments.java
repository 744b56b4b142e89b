package dk.tvaers.platform.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one way the modules turn a rendered template (well-formed XHTML, charts as inline SVG) into a PDF:
 * openhtmltopdf with Batik for the SVG, tagged PDF/UA (structure tree, title from {@code <title>}, language from
 * {@code <html lang>}). PDF/UA embeds its fonts, so the text is set in DKFDS's IBM Plex Sans, which the front-end build
 * ships in the jar; the generic families (page numbers, defaults) are Plex too, as PDF/UA has no built-in fonts.
 * Templates name the family {@value #FONT}.
 */
public final class PdfDocuments {

    /** The font family the PDF templates use. */
    public static final String FONT = "IBM Plex Sans";

    private PdfDocuments() {
    }

    /** The PDF of {@code html}. */
    public static byte[] render(String html) {
        var out = new ByteArrayOutputStream();
        try {
            render(html, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the PDF of {@code html} to {@code out} (a response body, say). */
    public static void render(String html, OutputStream out) throws IOException {
        new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .useFont(() -> font("Regular"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                .useFont(() -> font("Bold"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true)
                .useFont(() -> font("Italic"), FONT, 400, BaseRendererBuilder.FontStyle.ITALIC, true)
                .useFont(() -> font("Regular"), "serif", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                .useFont(() -> font("Regular"), "sans-serif", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                .useFont(() -> font("Regular"), "monospace", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                .useSVGDrawer(new BatikSVGDrawer())
                .withHtmlContent(html, null)
                .toStream(out)
                .run();
    }

    private static InputStream font(String style) {
        var in = PdfDocuments.class.getResourceAsStream(
                "/static/vendor/dkfds/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-" + style + ".ttf");
        if (in == null) {
            throw new IllegalStateException("IBM Plex Sans " + style + " is not in the jar (the front-end build copies it)");
        }
        return in;
    }
}
