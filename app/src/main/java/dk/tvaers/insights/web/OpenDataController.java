package dk.tvaers.insights.web;

import dk.tvaers.insights.OpenData;
import dk.tvaers.insights.OpenDataset;
import dk.tvaers.insights.RowSink;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.shared.Freshness;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The open data page and its datasets (issue 15): stable URLs {@code /aabne-data/<slug>.csv} and {@code .json},
 * streamed as they are read from the database, with {@code ETag} and {@code Last-Modified} so that a client asking
 * again gets 304 when nothing changed. Rate-limited per client address by {@code RateLimitFilter}.
 */
@Controller
class OpenDataController {

    private final OpenData data;

    OpenDataController(OpenData data) {
        this.data = data;
    }

    @GetMapping("/aabne-data")
    String page(Model model) {
        model.addAttribute("datasets", OpenDataset.values());
        model.addAttribute("licence", OpenDataset.LICENCE);
        return "insights/open-data";
    }

    @GetMapping("/aabne-data/{slug:[a-z]+}.csv")
    void csv(@PathVariable String slug, ServletWebRequest request, HttpServletResponse response) throws IOException {
        send(slug, "csv", request, response);
    }

    @GetMapping("/aabne-data/{slug:[a-z]+}.json")
    void json(@PathVariable String slug, ServletWebRequest request, HttpServletResponse response) throws IOException {
        send(slug, "json", request, response);
    }

    private void send(String slug, String format, ServletWebRequest request, HttpServletResponse response)
            throws IOException {
        OpenDataset dataset = OpenDataset.bySlug(slug).orElseThrow(() -> new NotFoundException("dataset", slug));
        Freshness freshness = data.freshness(dataset);
        String etag = OpenData.etag(dataset, freshness, format);
        long lastModified = freshness.latest() == null ? -1 : freshness.latest().toEpochMilli();
        if (request.checkNotModified(etag, lastModified)) {
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
        response.setContentType("csv".equals(format) ? "text/csv; charset=UTF-8" : "application/json; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + slug + "." + format + "\"");
        var writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        data.write(dataset, "csv".equals(format) ? RowSink.csv(writer, dataset.columns())
                : RowSink.json(writer, dataset.columns()));
        writer.flush();
    }
}
