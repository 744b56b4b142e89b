package dk.tvaers.monitoring.web;

import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.monitoring.ImportJob;
import dk.tvaers.monitoring.ImportSamples;
import dk.tvaers.monitoring.Imports;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What helps the analyst import: the format's description as a page, template files and a generated example set
 * to download, and resuming an import that a shutdown cut off.
 */
@Controller
@RequestMapping("/analyse")
@RolesAllowed("ANALYST")
class ImportController {

    private final Imports imports;
    private final ImportSamples samples;
    private final Initiatives initiatives;

    ImportController(Imports imports, ImportSamples samples, Initiatives initiatives) {
        this.imports = imports;
        this.samples = samples;
        this.initiatives = initiatives;
    }

    @GetMapping("/importformat")
    String format(Model model) {
        model.addAttribute("formatHtml", samples.formatHtml());
        return "monitoring/format";
    }

    @GetMapping("/importfiler/skabeloner-csv.zip")
    void csvTemplates(HttpServletResponse response) throws IOException {
        zip(response, "tvaers-skabeloner-csv.zip");
        samples.csvTemplates(response.getOutputStream());
    }

    @GetMapping("/importfiler/skabeloner-parquet.zip")
    void parquetTemplates(HttpServletResponse response) throws IOException {
        zip(response, "tvaers-skabeloner-parquet.zip");
        samples.parquetTemplates(response.getOutputStream());
    }

    @GetMapping("/importfiler/eksempel.zip")
    void example(@RequestParam(name = "initiativeId", required = false) Long initiativeId,
            HttpServletResponse response) throws IOException {
        // optional here so that a caller without the role gets 403 from the role check, not 400 before it
        if (initiativeId == null || initiatives.find(initiativeId).isEmpty()) {
            throw new NotFoundException("initiative", initiativeId == null ? 0 : initiativeId);
        }
        zip(response, "tvaers-eksempel-initiativ-" + initiativeId + ".zip");
        samples.example(initiativeId, response.getOutputStream());
    }

    @PostMapping("/import/{id}/genoptag")
    String resume(@PathVariable long id, RedirectAttributes redirect) {
        ImportJob job = imports.find(id).orElseThrow(() -> new NotFoundException("import", id));
        if (imports.resume(job.id())) {
            Flash.notice(redirect, "monitoring.import.resumed");
        } else {
            Flash.problem(redirect, "monitoring.import.notResumable");
        }
        return "redirect:/analyse/import/" + id;
    }

    private static void zip(HttpServletResponse response, String name) {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }
}
