package dk.tvaers.insights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Where an open dataset's rows go as they are read: CSV (semicolon, UTF-8 with BOM, as Danish Excel reads it) or
 * JSON (an array of objects with the columns as names). Nothing is collected; each row is written at once.
 */
public abstract class RowSink {

    protected final Writer out;
    protected final List<String> columns;

    RowSink(Writer out, List<String> columns) {
        this.out = out;
        this.columns = columns;
    }

    private long written;
    private Object lastKey;

    /** How many rows were written. */
    public long written() {
        return written;
    }

    /** The first column (the id) of the last row written, or null. */
    public Object lastKey() {
        return lastKey;
    }

    protected void seen(List<?> values) {
        written++;
        lastKey = values.isEmpty() ? null : values.get(0);
    }

    public abstract void begin();

    public abstract void row(List<?> values);

    public abstract void end();

    public static RowSink csv(Writer out, List<String> columns) {
        return new RowSink(out, columns) {
            private dk.tvaers.platform.web.CsvWriter csv;

            @Override
            public void begin() {
                try {
                    csv = new dk.tvaers.platform.web.CsvWriter(out);
                    csv.row(columns);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void row(List<?> values) {
                seen(values);
                try {
                    csv.row(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void end() {
                flush();
            }
        };
    }

    public static RowSink json(Writer out, List<String> columns) {
        return new RowSink(out, columns) {
            private boolean first = true;

            @Override
            public void begin() {
                write("[");
            }

            @Override
            public void row(List<?> values) {
                seen(values);
                StringBuilder line = new StringBuilder(first ? "\n{" : ",\n{");
                first = false;
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(Json.string(columns.get(i))).append(':').append(Json.value(values.get(i)));
                }
                write(line.append('}').toString());
            }

            @Override
            public void end() {
                write("\n]\n");
                flush();
            }
        };
    }

    protected void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The few JSON rules the datasets need: strings escaped, numbers and booleans as they are, null as null. */
    static final class Json {

        private Json() {}

        static String value(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return String.valueOf(value);
            }
            return string(String.valueOf(value));
        }

        static String string(String text) {
            StringBuilder b = new StringBuilder(text.length() + 2).append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
