package dk.tvaers.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.catalog.Parameter;
import dk.tvaers.indicators.Indicator;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Every word a user reads comes from the message bundles: no literal text in templates, every key used exists,
 * and Danish (the default bundle) and English hold the same keys.
 */
class I18nGuardTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path JAVA = Path.of("src/main/java");

    /** Attributes whose value a user reads or hears. */
    private static final List<String> TEXT_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label", "value");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
    /**
     * A key handed to a fragment as a string (a label, a caption, a table's columns:
     * {@code head(columns=${ {'audit.time', 'audit.kind'} })}): lower-case words joined by dots, in quotes.
     */
    private static final Pattern TEMPLATE_LITERAL_KEY = Pattern.compile("'([a-z][A-Za-z]*\\.[A-Za-z0-9_.]+)'");
    /** A string literal in Java that looks like a message key: lower-case words joined by dots. */
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][A-Za-z]*\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern ANNOTATION_KEY = Pattern.compile("\\{([a-z]+\\.[A-Za-z0-9_.]+)}");

    @Test
    void templatesContainNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                if (element.tagName().equals("script") || element.tagName().equals("style")) {
                    continue;
                }
                boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext");
                String own = element.ownText();
                if (!replaced && LETTER.matcher(own).find()) {
                    problems.add(template + ": <" + element.tagName() + "> \"" + own.strip() + "\"");
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && LETTER.matcher(element.attr(attribute)).find()
                            && !isDataValue(element, attribute)) {
                        problems.add(template + ": <" + element.tagName() + " " + attribute + "=\""
                                + element.attr(attribute) + "\">");
                    }
                }
            }
        }
        assertThat(problems).as("literal text in templates (use th:text=\"#{key}\")").isEmpty();
    }

    /**
     * Every message with an argument is rendered as Spring renders it (MessageFormat, with sample arguments): no
     * placeholder may be left ("{0}" shown literally, after an unescaped apostrophe) and no apostrophe lost (a single
     * ' starts a quote in MessageFormat; write '' for one).
     */
    @Test
    void messagesWithArgumentsRenderWithoutLeftoversOrLostApostrophes() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern placeholder = Pattern.compile("\\{(\\d+)");
        Pattern leftover = Pattern.compile("\\{\\d+[},]");
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                var properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                    String text = properties.getProperty(key);
                    Matcher args = placeholder.matcher(text);
                    int count = 0;
                    while (args.find()) {
                        count = Math.max(count, Integer.parseInt(args.group(1)) + 1);
                    }
                    if (count == 0) {
                        continue;
                    }
                    Object[] samples = new Object[count];
                    for (int i = 0; i < count; i++) {
                        samples[i] = 7 + i;
                    }
                    String rendered;
                    try {
                        rendered = new MessageFormat(text, Locale.forLanguageTag("da")).format(samples);
                    } catch (IllegalArgumentException e) {
                        problems.add(file.getFileName() + " " + key + ": " + e.getMessage());
                        continue;
                    }
                    long apostrophes = text.replace("''", "'").chars().filter(c -> c == '\'').count();
                    long shown = rendered.chars().filter(c -> c == '\'').count();
                    if (leftover.matcher(rendered).find() || shown != apostrophes) {
                        problems.add(file.getFileName() + " " + key + " renders as: " + rendered);
                    }
                }
            }
        }
        assertThat(problems).as("messages that MessageFormat renders wrongly").isEmpty();
    }

    /** A year is a year: "2027–2028", not "2.027–2.028" (MessageFormat groups a plain {1} in Danish). */
    @Test
    void yearsAreShownWithoutThousandsSeparators() throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve("funding.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String facts = new MessageFormat(properties.getProperty("funding.pool.facts"), Locale.forLanguageTag("da"))
                .format(new Object[] {"Region Midtjylland", 2027, 2028});
        assertThat(facts).isEqualTo("Region Midtjylland, 2027–2028");
    }

    /** One word for one thing in Danish: the glossary's "fremdriftsrapport", never "statusrapport". */
    @Test
    void oneDanishWordForAProgressReport() throws IOException {
        List<String> found = new ArrayList<>();
        for (String bundle : bundleNames()) {
            for (String line : Files.readAllLines(BUNDLES.resolve(bundle + ".properties"), StandardCharsets.UTF_8)) {
                if (line.toLowerCase(Locale.ROOT).contains("statusrapport")) {
                    found.add(bundle + ": " + line);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void danishAndEnglishHoldTheSameKeys() throws IOException {
        for (String bundle : bundleNames()) {
            Set<String> danish = keys(BUNDLES.resolve(bundle + ".properties"));
            Set<String> english = keys(BUNDLES.resolve(bundle + "_en.properties"));
            assertThat(difference(danish, english)).as("keys in %s.properties missing from _en", bundle).isEmpty();
            assertThat(difference(english, danish)).as("keys in %s_en.properties missing from Danish", bundle).isEmpty();
        }
    }

    /**
     * A key means one thing: no two bundles define it (the message source looks through the bundles in the order of
     * {@code spring.messages.basename}, so which text a page shows would depend on that order).
     */
    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        java.util.Map<String, String> owner = new java.util.TreeMap<>();
        List<String> twice = new ArrayList<>();
        for (String bundle : bundleNames()) {
            for (String key : keys(BUNDLES.resolve(bundle + ".properties"))) {
                String first = owner.putIfAbsent(key, bundle);
                if (first != null) {
                    twice.add(key + " in " + first + " and " + bundle);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyUsedExists() throws IOException {
        Set<String> known = allKeys();
        Set<String> prefixes = new TreeSet<>();
        known.stream().filter(key -> key.contains("."))
                .forEach(key -> prefixes.add(key.substring(0, key.indexOf('.') + 1)));
        Set<String> used = new TreeSet<>();
        for (Path template : templates()) {
            String text = Files.readString(template);
            Matcher matcher = TEMPLATE_KEY.matcher(text);
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
            Matcher literal = TEMPLATE_LITERAL_KEY.matcher(text);
            while (literal.find()) {
                String key = literal.group(1);
                if (!key.endsWith(".") && prefixes.stream().anyMatch(key::startsWith)) {
                    used.add(key);
                }
            }
        }
        try (Stream<Path> sources = Files.walk(JAVA)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher literal = JAVA_KEY.matcher(code);
                while (literal.find()) {
                    String key = literal.group(1);
                    // a key of a known bundle prefix; not a prefix such as "audit.kind." + name()
                    if (!key.endsWith(".") && prefixes.stream().anyMatch(key::startsWith)) {
                        used.add(key);
                    }
                }
                Matcher annotation = ANNOTATION_KEY.matcher(code);
                while (annotation.find()) {
                    if (annotation.group(1).startsWith("validation.")) {
                        used.add(annotation.group(1));
                    }
                }
            }
        }
        used.addAll(enumMessageKeys());
        // keys built at run time rather than returned by an enum
        for (Indicator indicator : Indicator.catalogue()) {
            used.add(indicator.messageKey());
        }
        for (Parameter parameter : Parameter.values()) {
            used.add(parameter.messageKey() + ".hint");
        }
        for (int score = Parameter.MIN_SCORE; score <= Parameter.MAX_SCORE; score++) {
            used.add("assessment.score." + score);
        }
        // an API scope's value (e.g. "initiatives.read") is an OAuth2 identifier, not a message key
        for (dk.tvaers.accounts.ApiScope scope : dk.tvaers.accounts.ApiScope.values()) {
            used.remove(scope.value());
        }
        assertThat(difference(used, known)).as("message keys used but not defined").isEmpty();
    }

    /**
     * The message keys of every enum constant in Tværs whose enum has a {@code messageKey()} (or {@code hintKey()})
 * method (sectors, roles,
     * phases, statuses, …), found on the class path, so a new enum is checked without being listed here.
     */
    private static Set<String> enumMessageKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getSuperClassName() != null
                && reader.getClassMetadata().getSuperClassName().equals(Enum.class.getName()));
        for (var candidate : scanner.findCandidateComponents("dk.tvaers")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                for (String name : List.of("messageKey", "hintKey")) {
                    Method key;
                    try {
                        key = type.getMethod(name);
                    } catch (NoSuchMethodException e) {
                        continue;
                    }
                    for (Object constant : type.getEnumConstants()) {
                        keys.add((String) key.invoke(constant));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(keys).as("message keys of enums found on the class path").contains("role.CITIZEN", "sector.REGION");
        return keys;
    }

    /** A value attribute of a form control holds data (an option's value), not words. */
    private static boolean isDataValue(Element element, String attribute) {
        return attribute.equals("value") && !(element.tagName().equals("input")
                && Set.of("submit", "button", "reset").contains(element.attr("type")));
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static List<String> bundleNames() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".properties") && !name.contains("_"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .sorted().toList();
        }
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String bundle : bundleNames()) {
            all.addAll(keys(BUNDLES.resolve(bundle + ".properties")));
        }
        return all;
    }

    private static Set<String> keys(Path file) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new TreeSet<>(left);
        result.removeAll(right);
        return result;
    }
}
