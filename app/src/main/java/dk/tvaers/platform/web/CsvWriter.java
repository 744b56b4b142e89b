package dk.tvaers.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Writes CSV as Excel in Denmark opens it: semicolon-separated, UTF-8 with a byte-order mark, quoted. */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write('\uFEFF');
    }

    public void row(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            Object value = values.get(i);
            String text = value == null ? "" : String.valueOf(value);
            if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text; // no formulas from data (CSV injection)
            }
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        }
        out.write("\r\n");
    }

    /**
     * Sends a list's whole selection as a CSV download: a header row from message keys, then one row per item,
     * asking {@code pages} for page 1, 2, … until the last (so an export of any size is written as it is read).
     */
    public static <T> void download(HttpServletResponse response, String fileName, MessageSource messages,
            List<String> headerKeys, IntFunction<PageOf<T>> pages, Function<T, List<?>> row) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        var locale = LocaleContextHolder.getLocale();
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        var csv = new CsvWriter(writer);
        csv.row(headerKeys.stream().map(key -> messages.getMessage(key, null, locale)).toList());
        int number = 1;
        PageOf<T> page;
        do {
            page = pages.apply(number++);
            for (T item : page.items()) {
                csv.row(row.apply(item));
            }
        } while (page.hasNext());
        writer.flush();
    }
}
