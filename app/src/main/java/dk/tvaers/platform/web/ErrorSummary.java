package dk.tvaers.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * The lines of a form's error summary (fragments/forms :: errorSummary): one per error, in the order the form's fields
 * appear on the page, each naming its field by the label the page gives it, and linking to it; errors of the whole
 * form last. The page's fields and their labels are read once from the page's template, where every field is a
 * {@code fragments/forms} call with {@code field='…'} and {@code label='…'} (or {@code legend='…'}); a field the
 * template does not name that way keeps the form record's order and is shown without a label.
 */
public class ErrorSummary {

    /**
     * One line: the field's id (empty for an error of the whole form), its label's message key (empty when unknown),
     * the message.
     */
    public record Line(String field, String labelKey, String message) {

        public boolean global() {
            return field.isEmpty();
        }
    }

    private static final Pattern FIELD = Pattern.compile(
            "fragments/forms\\s*::\\s*\\w+\\(([^)]*)\\)");
    private static final Pattern NAME = Pattern.compile("\\bfield\\s*=\\s*'(\\w+)'");
    private static final Pattern LABEL = Pattern.compile("\\b(?:label|legend)\\s*=\\s*[^,']*'([\\w.]+)'");

    /** A field fragment whose field name is an expression (field=${…}): its fields stand here in the page. */
    private static final Pattern DYNAMIC = Pattern.compile("\\bfield\\s*=\\s*\\$\\{");
    static final String DYNAMIC_FIELDS = "*";

    private final Map<String, Map<String, String>> labelsByTemplate = new ConcurrentHashMap<>();

    /** The fields of a template in page order, with their label keys. */
    Map<String, String> labelsOf(String template) {
        return labelsByTemplate.computeIfAbsent(template, name -> {
            Map<String, String> labels = new LinkedHashMap<>();
            var resource = new ClassPathResource("templates/" + name + ".html");
            if (!resource.exists()) {
                return labels;
            }
            try (var in = resource.getInputStream()) {
                Matcher call = FIELD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (call.find()) {
                    Matcher field = NAME.matcher(call.group(1));
                    Matcher label = LABEL.matcher(call.group(1));
                    if (DYNAMIC.matcher(call.group(1)).find()) {
                        labels.putIfAbsent(DYNAMIC_FIELDS, "");
                    } else if (field.find()) {
                        labels.putIfAbsent(field.group(1), label.find() ? label.group(1) : "");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return labels;
        });
    }

    public List<Line> lines(List<DetailedError> errors, Object form, String template) {
        return lines(errors, form, template, null);
    }

    /**
     * As {@link #lines(List, Object, String)}, with the labels of the fields the template names by an expression
     * ({@code fieldLabels}: field → label key, from the page's model), which stand where that fragment call does.
     */
    public List<Line> lines(List<DetailedError> errors, Object form, String template, Map<String, String> fieldLabels) {
        Map<String, String> labelKeys = new LinkedHashMap<>(template == null ? Map.of() : labelsOf(template));
        List<String> order = new ArrayList<>();
        List<String> unnamed = new ArrayList<>(fieldOrder(form == null ? null : form.getClass()));
        unnamed.removeAll(labelKeys.keySet());
        if (fieldLabels != null) {
            fieldLabels.forEach(labelKeys::putIfAbsent);
        }
        for (String field : labelsOf(template == null ? "" : template).keySet()) {
            if (field.equals(DYNAMIC_FIELDS)) {
                order.addAll(unnamed);
                unnamed.clear();
            } else {
                order.add(field);
            }
        }
        order.addAll(unnamed);
        List<DetailedError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(error -> position(error, order)));
        List<Line> lines = new ArrayList<>();
        for (DetailedError error : sorted) {
            if (error.isGlobal()) {
                lines.add(new Line("", "", error.getMessage()));
                continue;
            }
            String field = error.getFieldName();
            lines.add(new Line(field, labelKeys.getOrDefault(base(field), ""), error.getMessage()));
        }
        return lines;
    }

    private static int position(DetailedError error, List<String> order) {
        if (error.isGlobal()) {
            return Integer.MAX_VALUE;
        }
        int index = order.indexOf(base(error.getFieldName()));
        return index < 0 ? Integer.MAX_VALUE - 1 : index;
    }

    /** "scores[ROUTINE]" and "address.street" belong to the fields "scores" and "address". */
    private static String base(String field) {
        int end = field.length();
        for (char stop : new char[] {'[', '.'}) {
            int at = field.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return field.substring(0, end);
    }

    private static List<String> fieldOrder(Class<?> type) {
        List<String> order = new ArrayList<>();
        if (type == null) {
            return order;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                order.add(component.getName());
            }
            return order;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<String> own = new ArrayList<>();
            for (Field field : c.getDeclaredFields()) {
                own.add(field.getName());
            }
            order.addAll(0, own);
        }
        return order;
    }
}
