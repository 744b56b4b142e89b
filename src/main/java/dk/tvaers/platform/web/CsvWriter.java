package dk.tvaers.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

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
}
