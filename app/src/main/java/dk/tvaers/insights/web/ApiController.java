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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The read-only API, version 1 (issue 15): the open datasets as JSON pages with keyset paging ({@code efter}: the
 * last id of the previous page, {@code antal}: at most 1,000), a {@code next} link, and a validator per page, so a
 * client polling an unchanged page gets 304. Anonymous, rate-limited per client address ({@code api}) in the API's own
 * security chain; its OpenAPI description is {@link ApiDatasetsDescription} (ADR 0039).
 */
@RestController
class ApiController {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1_000;

    private final OpenData data;

    ApiController(OpenData data) {
        this.data = data;
    }

    @GetMapping(value = "/api/v1", produces = "application/json")
    void index(HttpServletResponse response) throws IOException {
        response.setContentType("application/json; charset=UTF-8");
        var out = new StringBuilder("{\"version\":1,\"datasets\":[");
        boolean first = true;
        for (OpenDataset dataset : OpenDataset.values()) {
            out.append(first ? "" : ",").append("{\"name\":\"").append(dataset.slug()).append("\",\"href\":\"/api/v1/")
                    .append(dataset.slug()).append("\",\"csv\":\"/aabne-data/").append(dataset.slug())
                    .append(".csv\"}");
            first = false;
        }
        response.getWriter().write(out.append("]}").toString());
    }

    @GetMapping(value = "/api/v1/{slug:[a-z]+}", produces = "application/json")
    void page(@PathVariable String slug, @RequestParam(name = "efter", defaultValue = "0") long after,
            @RequestParam(name = "antal", defaultValue = "100") int size, ServletWebRequest request,
            HttpServletResponse response) throws IOException {
        OpenDataset dataset = OpenDataset.bySlug(slug).orElseThrow(() -> new NotFoundException("dataset", slug));
        int limit = Math.max(1, Math.min(MAX_PAGE, size));
        long from = Math.max(0, after);
        Freshness freshness = data.freshness(dataset);
        String etag = OpenData.etag(dataset, freshness, "api-" + from + "-" + limit);
        long lastModified = freshness.latest() == null ? -1 : freshness.latest().toEpochMilli();
        if (request.checkNotModified(etag, lastModified)) {
            return;
        }
        response.setContentType("application/json; charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
        var writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        writer.write("{\"dataset\":\"" + dataset.slug() + "\",\"items\":");
        RowSink sink = RowSink.json(writer, dataset.columns());
        data.write(dataset, from, dataset == OpenDataset.CAPACITY ? null : limit, sink);
        boolean more = dataset != OpenDataset.CAPACITY && sink.written() == limit && sink.lastKey() != null;
        writer.write(",\"next\":" + (more ? "\"/api/v1/" + dataset.slug() + "?efter=" + sink.lastKey() + "&antal="
                + limit + "\"" : "null") + "}\n");
        writer.flush();
    }
}
