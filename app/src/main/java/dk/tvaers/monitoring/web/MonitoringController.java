package dk.tvaers.monitoring.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.monitoring.ImportFormat;
import dk.tvaers.monitoring.ImportJob;
import dk.tvaers.monitoring.Imports;
import dk.tvaers.monitoring.IndicatorRun;
import dk.tvaers.monitoring.Populations;
import dk.tvaers.monitoring.Runs;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.SelectOption;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The analyst's pages: import event files, start runs, follow both with a progress bar. */
@Controller
@RequestMapping("/analyse")
@RolesAllowed("ANALYST")
class MonitoringController {

    record RunForm(@NotNull(message = "{validation.choose}") Long initiativeId,
            @NotNull(message = "{validation.required}") @Min(value = 30, message = "{monitoring.run.window.hint}")
            @Max(value = 1095, message = "{monitoring.run.window.hint}") Integer windowDays,
            IndicatorRun.Engine engine) {

        RunForm(Long initiativeId, Integer windowDays) {
            this(initiativeId, windowDays, IndicatorRun.Engine.DUCKDB);
        }
    }

    private final Imports imports;
    private final Runs runs;
    private final Initiatives initiatives;
    private final Populations populations;

    MonitoringController(Imports imports, Runs runs, Initiatives initiatives, Populations populations) {
        this.imports = imports;
        this.runs = runs;
        this.initiatives = initiatives;
        this.populations = populations;
    }

    @GetMapping
    String overview(@RequestParam(name = "initiativeId", required = false) Long initiativeId, Model model) {
        if (!model.containsAttribute("runForm")) {
            model.addAttribute("runForm", new RunForm(initiativeId, Runs.DEFAULT_WINDOW_DAYS));
        }
        return overviewPage(model);
    }

    @PostMapping("/import")
    String startImport(@AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "kind", required = false) String kind, Model model,
            RedirectAttributes redirect) throws IOException {
        var chosen = files == null ? List.<MultipartFile>of()
                // a part without a file name is "no file chosen"; an empty file that was chosen is imported and
                // refused with "Filen er tom", not silently left out
                : files.stream().filter(f -> f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())
                        .toList();
        var problems = new ArrayList<String[]>();
        if (chosen.isEmpty()) {
            problems.add(new String[] {"monitoring.import.error.noFiles", ""});
        }
        boolean omop = "OMOP".equals(kind);
        for (MultipartFile file : chosen) {
            if (omop && !Imports.isOmopFile(name(file))) {
                problems.add(new String[] {"monitoring.import.error.unknownOmopFile", name(file)});
            } else if (!omop && ImportFormat.spec(name(file)) == null) {
                problems.add(new String[] {"monitoring.import.error.unknownFile", name(file)});
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("importProblems", problems);
            model.addAttribute("importKind", kind);
            model.addAttribute("runForm", new RunForm(null, Runs.DEFAULT_WINDOW_DAYS));
            return overviewPage(model);
        }
        Map<String, InputStream> streams = new LinkedHashMap<>();
        try {
            for (MultipartFile file : chosen) {
                streams.put(name(file), file.getInputStream());
            }
            long id = omop ? imports.startOmop(streams, actor(principal))
                    : imports.start(streams, actor(principal), "APPEND".equals(kind));
            Flash.notice(redirect, "monitoring.import.started");
            return "redirect:/analyse/import/" + id;
        } finally {
            for (InputStream in : streams.values()) {
                in.close();
            }
        }
    }

    @GetMapping("/import/{id}")
    String importJob(@PathVariable long id, HtmxRequest htmx, Model model) {
        ImportJob job = imports.find(id).orElseThrow(() -> new NotFoundException("import", id));
        model.addAttribute("job", job);
        model.addAttribute("errors", imports.errors(id));
        model.addAttribute("notes", imports.notes(id));
        model.addAttribute("errorLimit", 1000);
        model.addAttribute("resumable", imports.resumable(job));
        return htmx.isHtmxRequest() ? "monitoring/import :: status" : "monitoring/import";
    }

    @PostMapping("/koersler")
    String startRun(@AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("runForm") RunForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && initiatives.find(form.initiativeId()).isEmpty()) {
            errors.rejectValue("initiativeId", "validation.choose");
        }
        if (!errors.hasErrors() && imports.currentDataVersion().isEmpty()) {
            errors.reject("monitoring.run.noData");
        }
        IndicatorRun.Engine engine = form.engine() == null ? IndicatorRun.Engine.DUCKDB : form.engine();
        if (engine == IndicatorRun.Engine.SPARK && !runs.sparkEnabled()) {
            errors.rejectValue("engine", "monitoring.run.engine.unavailable");
        }
        if (errors.hasErrors()) {
            return overviewPage(model);
        }
        return started(runs.request(form.initiativeId(), form.windowDays(), engine, actor(principal)), redirect);
    }

    @GetMapping("/koersler/{id}")
    String run(@PathVariable long id, HtmxRequest htmx, Model model) {
        IndicatorRun run = runs.find(id).orElseThrow(() -> new NotFoundException("run", id));
        model.addAttribute("run", run);
        model.addAttribute("initiative", initiatives.find(run.initiativeId()).orElse(null));
        model.addAttribute("population", populations.ofRun(id).orElse(null));
        model.addAttribute("personTableKept", runs.personTableKept(id));
        model.addAttribute("personTablesKept", runs.personTablesKept());
        return htmx.isHtmxRequest() ? "monitoring/run :: status" : "monitoring/run";
    }

    @PostMapping("/koersler/{id}/igen")
    String runAgain(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        IndicatorRun run = runs.find(id).orElseThrow(() -> new NotFoundException("run", id));
        // on the same engine, while it is configured
        return started(runs.request(run.initiativeId(), run.windowDays(),
                runs.sparkEnabled() ? run.engine() : IndicatorRun.Engine.DUCKDB, actor(principal)), redirect);
    }

    /** To the run asked for; when it is one that already computes the same, the analyst is told so. */
    private static String started(Runs.Requested requested, RedirectAttributes redirect) {
        Flash.notice(redirect, requested.existing() ? "monitoring.run.existing" : "monitoring.run.started");
        return "redirect:/analyse/koersler/" + requested.id();
    }

    private String overviewPage(Model model) {
        model.addAttribute("imports", imports.recent(10));
        model.addAttribute("runs", runs.recent(10));
        model.addAttribute("hasData", imports.currentDataVersion().isPresent());
        model.addAttribute("sparkEnabled", runs.sparkEnabled());
        model.addAttribute("sparkMaster", runs.sparkMaster());
        var initiativeList = initiatives.search(new Initiatives.Filter(null, null, null, null), 1, 200).items();
        model.addAttribute("initiativeList", initiativeList);
        model.addAttribute("initiativeOptions", SelectOption.of(initiativeList, Initiative::id, Initiative::title));
        return "monitoring/overview";
    }

    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private static Actor actor(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.displayName());
    }
}
