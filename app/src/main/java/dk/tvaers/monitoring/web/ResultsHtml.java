package dk.tvaers.monitoring.web;

import dk.tvaers.monitoring.IndicatorRun;
import dk.tvaers.monitoring.Runs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The figures of a finished run's Triple Aim page (headlines, run and SPC charts, the panels with their tables and
 * strata; {@code monitoring/results.html}), rendered once per run and language and kept. A finished run's aggregates,
 * effects and series are written once, when it succeeds, and never change, so the HTML does not either; it is the
 * page's heaviest part (about 300 KB, 17 SVG charts, hundreds of table rows). Who may see a run is decided per
 * request before this is asked ({@code ResultAccess}); nothing kept here depends on the viewer. The newest
 * {@link #KEPT} renderings are kept (a few MB).
 */
@Component
class ResultsHtml {

    static final int KEPT = 32;

    /** The run and its two rendered parts, to be written unescaped into the page (they were escaped when drawn). */
    record Rendered(IndicatorRun run, String figures, String details) {
    }

    private record Key(long runId, Locale locale) {
    }

    private final Runs runs;
    private final SpringTemplateEngine templates;
    private final Counter rendered;
    private final Map<Key, Rendered> kept = Collections.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Rendered> eldest) {
            return size() > KEPT;
        }
    });

    ResultsHtml(Runs runs, SpringTemplateEngine templates, MeterRegistry registry) {
        this.runs = runs;
        this.templates = templates;
        this.rendered = Counter.builder("tvaers.monitoring.results.rendered")
                .description("Triple Aim figures drawn (not taken from those kept)").register(registry);
    }

    /** The finished run's figures in the language; drawn on the first request, then kept. */
    Rendered of(IndicatorRun run, Locale locale) {
        if (run.status() != dk.tvaers.monitoring.JobStatus.SUCCEEDED) {
            throw new IllegalArgumentException("only a finished run's figures are fixed: run " + run.id());
        }
        Key key = new Key(run.id(), locale);
        Rendered done = kept.get(key);
        if (done != null) {
            return done;
        }
        // two first requests at once both draw it; the result is the same, and no lock is held while drawing
        var context = new Context(locale);
        var unavailable = runs.unavailable(run.id());
        context.setVariable("dashboard", Dashboard.of(run, runs.results(run.id()), runs.effects(run.id()),
                runs.series(run.id()), locale, unavailable.indicators()));
        Rendered drawn = new Rendered(run, templates.process("monitoring/results", Set.of("runFigures"), context),
                templates.process("monitoring/results", Set.of("runPanels"), context));
        rendered.increment();
        kept.put(key, drawn);
        return drawn;
    }
}
