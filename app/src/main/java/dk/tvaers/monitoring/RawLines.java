package dk.tvaers.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of an import file as the loader (DuckDB {@code read_csv}) sees them, so that the row checker refuses
 * what the loader would: each line with its own line end ({@code "\n"}, {@code "\r\n"}, or none at the end of the
 * file), and, instead of text, a problem with its column (0-based, by commas before it) when the line holds bytes
 * that are not UTF-8 ({@code encoding}) or a carriage return that does not end the line ({@code carriageReturn}).
 */
final class RawLines implements AutoCloseable {

    record Line(String text, String end, String problem, int column) {}

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] bytes = new byte[256];

    RawLines(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        int length = 0;
        String end = "";
        boolean any = false;
        outer:
        while (true) {
            if (position == limit) {
                limit = in.read(chunk, 0, chunk.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < limit) {
                if (chunk[position] == '\n') {
                    length = append(length, start, position);
                    position++;
                    end = "\n";
                    break outer;
                }
                position++;
            }
            length = append(length, start, position);
        }
        if (!any) {
            return null;
        }
        if (end.equals("\n") && length > 0 && bytes[length - 1] == '\r') {
            end = "\r\n";
            length--;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\r') {
                return new Line(null, end, "carriageReturn", commasBefore(bytes, i));
            }
        }
        ByteBuffer input = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer output = CharBuffer.allocate(length + 1);
        decoder.reset();
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            return new Line(null, end, "encoding", commasBefore(bytes, input.position()));
        }
        decoder.flush(output);
        output.flip();
        return new Line(output.toString(), end, null, 0);
    }

    private int append(int length, int from, int to) {
        int count = to - from;
        if (length + count > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(chunk, from, bytes, length, count);
        return length + count;
    }

    private static int commasBefore(byte[] bytes, int offset) {
        int commas = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == ',') {
                commas++;
            }
        }
        return commas;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
