package dk.tvaers.platform.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Passes everything through to the client as it is written and keeps a copy of the body, once the handler turned
 * out to be marked (known before the first byte: the interceptor runs before the handler). A body longer than the
 * limit stops being copied and is not kept.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final int limit;
    private ByteArrayOutputStream copy;
    private boolean overflow;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CapturingResponse(HttpServletResponse response, HttpServletRequest request, int limit) {
        super(response);
        this.request = request;
        this.limit = limit;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream target = super.getOutputStream();
            if (Boolean.TRUE.equals(request.getAttribute(VisitorPageCache.CACHEABLE))) {
                copy = new ByteArrayOutputStream(16 * 1024);
                stream = new Tee(target);
            } else {
                stream = target;
            }
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (!Boolean.TRUE.equals(request.getAttribute(VisitorPageCache.CACHEABLE))) {
                writer = super.getWriter();
            } else {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                        Charset.forName(getCharacterEncoding())), false);
            }
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        super.flushBuffer();
    }

    void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    boolean complete() {
        return copy != null && !overflow;
    }

    byte[] captured() {
        return copy.toByteArray();
    }

    private final class Tee extends ServletOutputStream {

        private final ServletOutputStream target;

        Tee(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            keep(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
            keep(bytes, offset, length);
        }

        private void keep(byte[] bytes, int offset, int length) {
            if (overflow) {
                return;
            }
            if (copy.size() + length > limit) {
                overflow = true;
                copy = new ByteArrayOutputStream(0);
                return;
            }
            copy.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
