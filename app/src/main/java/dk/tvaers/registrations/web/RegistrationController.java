package dk.tvaers.registrations.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SelectOption;
import dk.tvaers.registrations.CourseShares;
import dk.tvaers.registrations.CourseView;
import dk.tvaers.registrations.Pro;
import dk.tvaers.registrations.Problem;
import dk.tvaers.registrations.RegistrationExport;
import dk.tvaers.registrations.Registrations;
import dk.tvaers.registrations.RegistrationsRejectedException;
import dk.tvaers.registrations.Scheme;
import dk.tvaers.registrations.SchemeDefinitions;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.registrations.TimePoint;
import dk.tvaers.registrations.Viewer;
import dk.tvaers.shared.Role;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Professionals' registration pages: the unit's courses, a new course, a course with its time points, the entry form
 * of a time point (draft or final), PRO and share links, the triage list (the scheme's own pages are
 * {@link SchemePagesController}'s). Rights on rows are the services' ({@link Registrations}): anyone else gets 404.
 */
@Controller
@RequestMapping("/registreringer")
class RegistrationController {

    private final Schemes schemes;
    private final Registrations registrations;
    private final Pro pro;
    private final CourseShares shares;
    private final Viewers viewers;
    private final MessageSource messages;

    RegistrationController(Schemes schemes, Registrations registrations, Pro pro, CourseShares shares,
            Viewers viewers, MessageSource messages) {
        this.messages = messages;
        this.schemes = schemes;
        this.registrations = registrations;
        this.pro = pro;
        this.shares = shares;
        this.viewers = viewers;
    }

    // --- the unit's courses ---

    @GetMapping
    @RolesAllowed({"STAFF", "ANALYST"})
    String overview(@AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "skema", required = false) Long schemeId,
            @RequestParam(name = "mangler", required = false) Boolean onlyMissing,
            @RequestParam(name = "sortering", required = false) String sort,
            @RequestParam(name = ListPage.PAGE_PARAMETER, required = false) Integer page,
            HtmxRequest htmx, Model model) {
        Viewer viewer = viewers.of(principal);
        List<Scheme> visible = viewer.has(Role.ANALYST) ? schemes.all()
                : viewer.organisationId() == null ? List.of() : schemes.ofUnit(viewer.organisationId());
        model.addAttribute("schemes", visible);
        model.addAttribute("mayEnter", viewer.organisationId() != null
                && Registrations.mayEnter(viewer.organisationId(), viewer) && !visible.isEmpty());
        model.addAttribute("mayExport", RegistrationExport.mayExport(viewer));
        model.addAttribute("mayDefine", SchemeDefinitions.mayDefineAny(viewer));
        if (viewer.organisationId() != null && Registrations.mayEnter(viewer.organisationId(), viewer)) {
            PageOf<dk.tvaers.registrations.Course> courses = registrations.courses(viewer.organisationId(),
                    new Registrations.Filter(schemeId, text, onlyMissing), sort, viewer, PageOf.clampPage(page),
                    PageOf.DEFAULT_SIZE);
            model.addAttribute("list", ListPage.of("/registreringer", courses).filter("q", text)
                    .filter("skema", schemeId).filter("mangler", onlyMissing).filter("sortering", sort));
            model.addAttribute("schemeOptions", SelectOption.of(visible, Scheme::id, Scheme::title));
            model.addAttribute("missingOptions", List.of(SelectOption.ofKey("true", "registration.filter.missing")));
            model.addAttribute("sorts", Registrations.SORTING.orders().keySet());
        }
        return ListPage.view("registrations/overview", htmx.isHtmxRequest());
    }

    @GetMapping("/nyt-forloeb")
    @RolesAllowed("STAFF")
    String newCourse(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        Viewer viewer = viewers.of(principal);
        return newCourseForm(viewer, new CourseForm(null, "", LocalDate.now().toString()), Map.of(), model);
    }

    record CourseForm(Long schemeId, String personRef, String startDate) {}

    @PostMapping("/nyt-forloeb")
    @RolesAllowed("STAFF")
    String openCourse(@AuthenticationPrincipal AccountPrincipal principal, CourseForm form, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewers.of(principal);
        Map<String, Problem> problems = new LinkedHashMap<>();
        LocalDate start = null;
        try {
            start = LocalDate.parse(form.startDate() == null ? "" : form.startDate().strip());
        } catch (DateTimeParseException e) {
            problems.put("startDate", Problem.at("startDate", "registration.error.date"));
        }
        if (form.schemeId() == null || viewer.organisationId() == null
                || schemes.find(form.schemeId()).flatMap(s -> s.unit(viewer.organisationId())).isEmpty()) {
            problems.put("schemeId", Problem.at("schemeId", "registration.error.chooseScheme"));
        }
        if (problems.isEmpty()) {
            try {
                long id = registrations.open(form.schemeId(), form.personRef(), start, viewer);
                Flash.notice(redirect, "registration.course.opened", form.personRef().strip());
                return "redirect:/registreringer/forloeb/" + id;
            } catch (RegistrationsRejectedException rejected) {
                rejected.problems().forEach(p -> problems.put(p.field(), p));
            }
        }
        return newCourseForm(viewer, form, problems, model);
    }

    private String newCourseForm(Viewer viewer, CourseForm form, Map<String, Problem> problems, Model model) {
        List<Scheme> mine = viewer.organisationId() == null ? List.of() : schemes.ofUnit(viewer.organisationId());
        model.addAttribute("schemes", mine);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "registrations/new-course";
    }

    // --- a course ---

    @GetMapping("/forloeb/{id}")
    @RolesAllowed({"STAFF", "ANALYST"})
    String course(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        Viewer viewer = viewers.of(principal);
        CourseView view = registrations.view(id, viewer);
        model.addAttribute("view", view);
        model.addAttribute("mayEnter", Registrations.mayEnter(view.course().unitId(), viewer));
        model.addAttribute("questionnaires", pro.ofScheme(view.scheme().id()));
        model.addAttribute("answers", pro.answers(id));
        return "registrations/course";
    }

    @GetMapping("/forloeb/{id}/{timePoint}")
    @RolesAllowed("STAFF")
    String entry(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable String timePoint, Model model) {
        Viewer viewer = viewers.of(principal);
        CourseView view = enterable(id, viewer);
        CourseView.Stage stage = stage(view, timePoint);
        Map<String, String> values = new LinkedHashMap<>();
        stage.values().forEach((code, registered) -> values.put(code, registered.text()));
        return entryForm(view, stage, values, Map.of(), model);
    }

    @PostMapping("/forloeb/{id}/{timePoint}")
    @RolesAllowed("STAFF")
    String save(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @PathVariable String timePoint, @RequestParam Map<String, String> parameters,
            @RequestParam(name = "handling", defaultValue = "gem") String action, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewers.of(principal);
        CourseView view = enterable(id, viewer);
        CourseView.Stage stage = stage(view, timePoint);
        Map<String, String> values = new LinkedHashMap<>();
        stage.indicators().forEach(i -> values.put(i.code(), parameters.getOrDefault("v_" + i.code(), "")));
        boolean draft = "kladde".equals(action);
        try {
            registrations.save(id, stage.timePoint(), values, draft, viewer);
            Flash.notice(redirect, draft ? "registration.entry.draftSaved" : "registration.entry.saved",
                    view.course().personRef());
            return "redirect:/registreringer/forloeb/" + id;
        } catch (RegistrationsRejectedException rejected) {
            Map<String, Problem> problems = new LinkedHashMap<>();
            rejected.problems().forEach(p -> problems.putIfAbsent(p.field(), p));
            return entryForm(view, stage, values, problems, model);
        }
    }

    private String entryForm(CourseView view, CourseView.Stage stage, Map<String, String> values,
            Map<String, Problem> problems, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("stage", stage);
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        Map<String, String> labels = new LinkedHashMap<>();
        stage.indicators().forEach(i -> labels.put(i.code(), i.label()));
        model.addAttribute("labels", labels);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> yesNo = new LinkedHashMap<>();
        yesNo.put("ja", messages.getMessage("registration.yes", null, locale));
        yesNo.put("nej", messages.getMessage("registration.no", null, locale));
        model.addAttribute("yesNo", yesNo);
        return "registrations/entry";
    }

    private CourseView enterable(long id, Viewer viewer) {
        CourseView view = registrations.view(id, viewer);
        if (!Registrations.mayEnter(view.course().unitId(), viewer)) {
            throw new NotFoundException("course", id);
        }
        return view;
    }

    private static CourseView.Stage stage(CourseView view, String slug) {
        TimePoint tp = TimePoint.ofSlug(slug);
        CourseView.Stage stage = tp == null ? null : view.stage(tp);
        if (stage == null) {
            throw new NotFoundException("time point", slug);
        }
        return stage;
    }

    @PostMapping("/forloeb/{id}/pro-link")
    @RolesAllowed("STAFF")
    String proLink(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "questionnaire", required = false) Long questionnaire, HttpServletRequest request,
            RedirectAttributes redirect) {
        String token = pro.link(id, questionnaire == null ? -1 : questionnaire, viewers.of(principal));
        Flash.notice(redirect, "registration.pro.linkMade", absolute(request, "/pro?noegle=" + token));
        return "redirect:/registreringer/forloeb/" + id;
    }

    @PostMapping("/forloeb/{id}/del")
    @RolesAllowed("STAFF")
    String share(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            HttpServletRequest request, RedirectAttributes redirect) {
        String token = shares.share(id, viewers.of(principal));
        Flash.notice(redirect, "registration.share.made", absolute(request, "/mit-forloeb?noegle=" + token));
        return "redirect:/registreringer/forloeb/" + id;
    }

    private static String absolute(HttpServletRequest request, String path) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(path).build().toUriString();
    }

    // --- the triage list ---

    @GetMapping("/triage")
    @RolesAllowed("STAFF")
    String triage(@AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(name = "alle", required = false) Boolean all,
            @RequestParam(name = ListPage.PAGE_PARAMETER, required = false) Integer page, HtmxRequest htmx,
            Model model) {
        Viewer viewer = viewers.of(principal);
        if (viewer.organisationId() == null) {
            throw new NotFoundException("unit", 0);
        }
        PageOf<Pro.TriageCase> cases = pro.triageList(viewer.organisationId(), !Boolean.TRUE.equals(all), viewer,
                PageOf.clampPage(page), PageOf.DEFAULT_SIZE);
        model.addAttribute("list", ListPage.of("/registreringer/triage", cases).filter("alle", all));
        model.addAttribute("allOptions", List.of(SelectOption.ofKey("true", "registration.triage.showAll")));
        return ListPage.view("registrations/triage", htmx.isHtmxRequest());
    }

    @PostMapping("/triage/{id}")
    @RolesAllowed("STAFF")
    String handle(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = "handling", defaultValue = "") String action, RedirectAttributes redirect) {
        Viewer viewer = viewers.of(principal);
        pro.checkHandler(id, viewer);
        if (action.isBlank()) {
            Flash.problem(redirect, "registration.triage.actionRequired");
            return "redirect:/registreringer/triage";
        }
        if (pro.handle(id, action.length() > 2000 ? action.substring(0, 2000) : action, viewer)) {
            Flash.notice(redirect, "registration.triage.handled");
        } else {
            Flash.problem(redirect, "registration.triage.alreadyHandled");
        }
        return "redirect:/registreringer/triage";
    }
}
