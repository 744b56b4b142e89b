package dk.tvaers.registrations.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.registrations.Benchmarks;
import dk.tvaers.registrations.Problem;
import dk.tvaers.registrations.RegistrationExport;
import dk.tvaers.registrations.RegistrationImport;
import dk.tvaers.registrations.Registrations;
import dk.tvaers.registrations.RegistrationsRejectedException;
import dk.tvaers.registrations.Scheme;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.registrations.StrataFigures;
import dk.tvaers.registrations.Source;
import dk.tvaers.registrations.Viewer;
import dk.tvaers.shared.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A scheme's own pages: its benchmark (each unit against the others, its cluster and the region), the file import of
 * its registrations and their export to Triple Aim. Rights on rows are the services' ({@link Registrations}): anyone
 * else gets 404.
 */
@Controller
@RequestMapping("/registreringer/skemaer")
class SchemePagesController {

    private final Schemes schemes;
    private final Benchmarks benchmarks;
    private final StrataFigures strataFigures;
    private final RegistrationImport imports;
    private final RegistrationExport export;
    private final Viewers viewers;

    SchemePagesController(Schemes schemes, Benchmarks benchmarks, StrataFigures strataFigures, RegistrationImport imports,
            RegistrationExport export, Viewers viewers) {
        this.schemes = schemes;
        this.benchmarks = benchmarks;
        this.strataFigures = strataFigures;
        this.imports = imports;
        this.export = export;
        this.viewers = viewers;
    }

    // --- the benchmark ---

    @GetMapping("/{id}")
    @RolesAllowed({"STAFF", "ANALYST", "INNOVATION_CONSULTANT", "TASK_FORCE"})
    String benchmark(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "enhed", required = false) Long unitId, Model model) {
        Viewer viewer = viewers.of(principal);
        Scheme scheme = schemes.find(id).filter(s -> s.published() && Registrations.maySeeFigures(s, viewer))
                .orElseThrow(() -> new NotFoundException("registration scheme", id));
        Long selected = unitId != null && scheme.unit(unitId).isPresent() ? unitId
                : viewer.organisationId() != null && scheme.unit(viewer.organisationId()).isPresent()
                        ? viewer.organisationId() : scheme.units().isEmpty() ? null
                        : scheme.units().getFirst().organisationId();
        model.addAttribute("benchmark", benchmarks.of(scheme));
        if (selected != null) {
            model.addAttribute("strata", strataFigures.of(scheme, selected));
        }
        model.addAttribute("scheme", scheme);
        model.addAttribute("selected", selected == null ? null : scheme.unit(selected).orElse(null));
        model.addAttribute("unitOptions", SelectOption.of(scheme.units(), u -> u.organisationId(), u -> u.name()));
        model.addAttribute("mayImport", Registrations.mayEnter(selected == null ? -1 : selected, viewer)
                || viewer.has(Role.ANALYST));
        model.addAttribute("mayExport", RegistrationExport.mayExport(viewer));
        return "registrations/benchmark";
    }

    // --- file import and export ---

    @GetMapping("/{id}/import")
    @RolesAllowed({"STAFF", "ANALYST"})
    String importForm(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        model.addAttribute("scheme", importable(id, viewers.of(principal)));
        model.addAttribute("header", RegistrationImport.HEADER);
        return "registrations/import";
    }

    @PostMapping("/{id}/import")
    @RolesAllowed({"STAFF", "ANALYST"})
    String importFile(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "fil", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        Viewer viewer = viewers.of(principal);
        Scheme scheme = importable(id, viewer);
        model.addAttribute("scheme", scheme);
        model.addAttribute("header", RegistrationImport.HEADER);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new Problem(0, "", "registration.error.noFile", List.of())));
            return "registrations/import";
        }
        Long onlyUnit = viewer.has(Role.ANALYST) ? null : viewer.organisationId();
        try (InputStream in = file.getInputStream()) {
            RegistrationImport.Summary summary = imports.importFile(in, id, onlyUnit, Source.FILE, viewer.actor());
            Flash.notice(redirect, "registration.import.done", summary.rows());
            return "redirect:/registreringer/skemaer/" + id;
        } catch (RegistrationsRejectedException rejected) {
            model.addAttribute("problems", rejected.problems());
            model.addAttribute("fileName", file.getOriginalFilename());
            return "registrations/import";
        }
    }

    private Scheme importable(long id, Viewer viewer) {
        return schemes.find(id).filter(Scheme::published).filter(s -> viewer.has(Role.ANALYST)
                || (viewer.organisationId() != null && s.unit(viewer.organisationId()).isPresent()
                        && Registrations.mayEnter(viewer.organisationId(), viewer)))
                .orElseThrow(() -> new NotFoundException("registration scheme", id));
    }

    @GetMapping("/{id}/registrations.csv")
    @RolesAllowed("ANALYST")
    void exportCsv(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"registrations.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.write(id, viewers.of(principal), out);
        out.flush();
    }
}
