package dk.tvaers.platform.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A filtered, sorted, paged list with its exports, as every list page shows it through {@code fragments/list}:
 * the filter values the user chose (kept in the page links, the export links and the form), one {@link PageOf}
 * of results, and the export formats. A controller builds it in one expression:
 *
 * <pre>{@code
 * var list = ListPage.of("/admin/organisationer", organisations.search(filter, page, PageOf.DEFAULT_SIZE))
 *         .filter("q", text).filter("sektor", sector)
 *         .export("list.export.csv", "/admin/organisationer/eksport.csv");
 * model.addAttribute("list", list);
 * return ListPage.view("admin/organisations", htmx.isHtmxRequest());
 * }</pre>
 *
 * Filter names are the Danish query parameters, the same on every list: {@code q} (free text), {@code sortering},
 * {@code side} (the page number, added here), and the filter's own noun ({@code sektor}, {@code region},
 * {@code status}, …).
 */
public final class ListPage<T> {

    /** The page number's query parameter. */
    public static final String PAGE_PARAMETER = "side";

    /** One export link: its label's message key and its address with the list's filters. */
    public record Export(String labelKey, String url) {}

    private final String path;
    private final PageOf<T> page;
    private final Map<String, String> filters = new LinkedHashMap<>();
    private final List<String[]> exportPaths = new ArrayList<>();

    private ListPage(String path, PageOf<T> page) {
        this.path = path;
        this.page = page;
    }

    /** The list at {@code path} (its address without query) showing {@code page}. */
    public static <T> ListPage<T> of(String path, PageOf<T> page) {
        return new ListPage<>(path, page);
    }

    /** The view of a list page: the whole template, or only its results fragment for htmx. */
    public static String view(String template, boolean htmx) {
        return htmx ? template + " :: results" : template;
    }

    /** A filter the user chose; an empty one (null, blank) is not kept. An enum is kept by its name. */
    public ListPage<T> filter(String name, Object value) {
        String text = value instanceof Enum<?> constant ? constant.name() : value == null ? "" : value.toString();
        if (!text.isBlank()) {
            filters.put(name, text);
        }
        return this;
    }

    /** An export of the same selection, at {@code exportPath} with the filters as query. */
    public ListPage<T> export(String labelKey, String exportPath) {
        exportPaths.add(new String[] {labelKey, exportPath});
        return this;
    }

    public PageOf<T> page() {
        return page;
    }

    public List<T> items() {
        return page.items();
    }

    public long total() {
        return page.total();
    }

    public String path() {
        return path;
    }

    /** The chosen value of a filter, "" when none (for the form's {@code th:value}). */
    public String value(String name) {
        return filters.getOrDefault(name, "");
    }

    /** Whether {@code option} (an enum, a number, a text) is the chosen value of the filter. */
    public boolean selected(String name, Object option) {
        String text = option instanceof Enum<?> constant ? constant.name() : String.valueOf(option);
        return text.equals(filters.get(name));
    }

    /** The filters as a query string, "?q=…&sektor=…", or "" when none is chosen. */
    public String query() {
        return filters.isEmpty() ? "" : filters.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), UTF_8) + "=" + URLEncoder.encode(f.getValue(), UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** The address of page {@code number} with the same filters. */
    public String pageUrl(int number) {
        String query = query();
        return path + (query.isEmpty() ? "?" : query + "&") + PAGE_PARAMETER + "=" + number;
    }

    public List<Export> exports() {
        return exportPaths.stream().map(e -> new Export(e[0], e[1] + query())).toList();
    }
}
