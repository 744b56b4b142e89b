package dk.tvaers.registrations.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.OrganisationDirectory;
import dk.tvaers.initiatives.Initiative;
import dk.tvaers.platform.web.Confirmation;
import dk.tvaers.platform.web.Flash;
import dk.tvaers.registrations.FulfilmentRule;
import dk.tvaers.registrations.Indicator;
import dk.tvaers.registrations.Problem;
import dk.tvaers.registrations.RegistrationsRejectedException;
import dk.tvaers.registrations.Scheme;
import dk.tvaers.registrations.SchemeDefinitions;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.registrations.TimePoint;
import dk.tvaers.registrations.ValueType;
import dk.tvaers.registrations.Viewer;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme-definition pages of an initiative's analysts and consultants (ADR 0044): their schemes with every
 * version, a new scheme, a draft's form (indicators and units added a row at a time, without script), a version's
 * definition, publishing a draft and starting the next version. Rights on rows are {@link SchemeDefinitions}'.
 */
@Controller
@RequestMapping("/registreringer/skemadefinitioner")
class SchemeDefinitionController {

    private static final int BLANK_INDICATORS = 1;

    private final SchemeDefinitions definitions;
    private final OrganisationDirectory organisations;
    private final Viewers viewers;
    private final MessageSource messages;

    SchemeDefinitionController(SchemeDefinitions definitions, OrganisationDirectory organisations, Viewers viewers,
            MessageSource messages) {
        this.definitions = definitions;
        this.organisations = organisations;
        this.viewers = viewers;
        this.messages = messages;
    }

    @GetMapping
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String list(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        Viewer viewer = viewers.of(principal);
        model.addAttribute("schemes", definitions.definable(viewer));
        model.addAttribute("mayCreate", !definitions.initiativesOf(viewer).isEmpty());
        return "registrations/definitions";
    }

    @GetMapping("/ny")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String newScheme(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        Viewer viewer = viewers.of(principal);
        SchemeForm form = new SchemeForm();
        form.getDue().put(TimePoint.START.name(), "0");
        form.getUnits().add(new UnitRow());
        form.getIndicators().add(new IndicatorRow());
        return form(null, form, Map.of(), viewer, model);
    }

    @PostMapping("/ny")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String create(@AuthenticationPrincipal AccountPrincipal principal, @ModelAttribute("form") SchemeForm form,
            @RequestParam(name = "handling", defaultValue = "gem") String action, Model model,
            RedirectAttributes redirect) {
        return save(null, form, action, viewers.of(principal), model, redirect);
    }

    @GetMapping("/{id}")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model) {
        Scheme scheme = definitions.get(id, viewers.of(principal));
        model.addAttribute("scheme", scheme);
        return "registrations/definition";
    }

    @GetMapping("/{id}/rediger")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String edit(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewers.of(principal);
        Scheme scheme = definitions.get(id, viewer);
        if (scheme.published()) {
            Flash.problem(redirect, "scheme.error.published");
            return "redirect:/registreringer/skemadefinitioner/" + id;
        }
        SchemeForm form = SchemeForm.of(scheme);
        form.getIndicators().add(new IndicatorRow());
        return form(scheme, form, Map.of(), viewer, model);
    }

    @PostMapping("/{id}/rediger")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @ModelAttribute("form") SchemeForm form,
            @RequestParam(name = "handling", defaultValue = "gem") String action, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewers.of(principal);
        definitions.get(id, viewer);
        return save(id, form, action, viewer, model, redirect);
    }

    @PostMapping("/{id}/offentliggoer")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String publish(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            @RequestParam(name = Confirmation.PARAMETER, required = false) String confirmed, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewers.of(principal);
        Scheme scheme = definitions.get(id, viewer);
        if (!Confirmation.given(confirmed)) {
            // publishing cannot be undone (ADR 0020): not without the ticked confirmation
            model.addAttribute("scheme", scheme);
            model.addAttribute("confirmMissing", true);
            return "registrations/definition";
        }
        if (definitions.publish(id, viewer)) {
            Flash.notice(redirect, "scheme.published", scheme.title());
        } else {
            Flash.problem(redirect, "scheme.error.published");
        }
        return "redirect:/registreringer/skemadefinitioner/" + id;
    }

    @PostMapping("/{id}/ny-version")
    @RolesAllowed({"ANALYST", "INNOVATION_CONSULTANT"})
    String newVersion(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable long id,
            RedirectAttributes redirect) {
        long draft = definitions.newVersion(id, viewers.of(principal));
        Flash.notice(redirect, "scheme.versionStarted");
        return "redirect:/registreringer/skemadefinitioner/" + draft + "/rediger";
    }

    private String save(Long id, SchemeForm form, String action, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        Scheme draft = id == null ? null : definitions.get(id, viewer);
        form.dropBlankRows();
        if ("indikator".equals(action) || "enhed".equals(action)) {
            // one more row to fill in; nothing saved yet
            if ("enhed".equals(action)) {
                form.getUnits().add(new UnitRow());
            }
            form.getIndicators().add(new IndicatorRow());
            return form(draft, form, Map.of(), viewer, model);
        }
        Map<String, Problem> problems = new LinkedHashMap<>();
        Schemes.NewScheme definition = form.toDefinition(problems);
        if (problems.isEmpty()) {
            try {
                long saved = definitions.saveDraft(id, definition, viewer);
                Flash.notice(redirect, "scheme.saved", definition.name());
                return "redirect:/registreringer/skemadefinitioner/" + saved;
            } catch (RegistrationsRejectedException rejected) {
                rejected.problems().forEach(p -> problems.putIfAbsent(p.field(), p));
            }
        } else {
            // the numbers that could not be read, and every other rule the definition breaks
            definitions.check(definition).forEach(p -> problems.putIfAbsent(p.field(), p));
        }
        form.getIndicators().add(new IndicatorRow());
        return form(draft, form, problems, viewer, model);
    }

    private String form(Scheme draft, SchemeForm form, Map<String, Problem> problems, Viewer viewer, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("labels", labels(problems));
        List<Initiative> initiatives = definitions.initiativesOf(viewer);
        model.addAttribute("initiatives", initiatives);
        model.addAttribute("organisations", organisations.allActive());
        model.addAttribute("timePoints", TimePoint.values());
        model.addAttribute("valueTypes", ValueType.values());
        model.addAttribute("rules", FulfilmentRule.values());
        return "registrations/definition-form";
    }

    /** What each problem's field is called in the error summary: "Indikator 2: Kode". */
    private Map<String, String> labels(Map<String, Problem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String field : problems.keySet()) {
            String[] parts = field.split("-");
            if (parts.length == 3 && (parts[0].equals("indicator") || parts[0].equals("unit"))) {
                String name = parts[2].equals("code") ? parts[0] + "Code" : parts[2];
                labels.put(field, messages.getMessage("scheme.field.row." + parts[0],
                        new Object[] {Integer.parseInt(parts[1]) + 1,
                                messages.getMessage("scheme.field." + name, null, locale)}, locale));
            } else {
                labels.put(field, messages.getMessage("scheme.field." + field, null, field, locale));
            }
        }
        return labels;
    }

    /** The definition as typed: text kept as it was, so a refused form shows it again. */
    public static class SchemeForm {
        private Long initiativeId;
        private String code = "";
        private String name = "";
        private Map<String, String> due = new LinkedHashMap<>();
        private List<UnitRow> units = new ArrayList<>();
        private List<IndicatorRow> indicators = new ArrayList<>();

        static SchemeForm of(Scheme scheme) {
            SchemeForm form = new SchemeForm();
            form.initiativeId = scheme.initiativeId();
            form.code = scheme.code();
            form.name = scheme.name();
            scheme.dueAfterDays().forEach((tp, days) -> form.due.put(tp.name(), String.valueOf(days)));
            scheme.units().forEach(u -> {
                UnitRow row = new UnitRow();
                row.setOrganisationId(u.organisationId());
                row.setCode(u.code());
                row.setCluster(u.cluster());
                form.units.add(row);
            });
            scheme.indicators().forEach(i -> form.indicators.add(IndicatorRow.of(i)));
            return form;
        }

        void dropBlankRows() {
            units.removeIf(UnitRow::blank);
            indicators.removeIf(IndicatorRow::blank);
        }

        Schemes.NewScheme toDefinition(Map<String, Problem> problems) {
            Map<TimePoint, Integer> days = new EnumMap<>(TimePoint.class);
            for (TimePoint tp : TimePoint.values()) {
                String text = due.getOrDefault(tp.name(), "").strip();
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    days.put(tp, Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    problems.put("due" + tp.name(), Problem.at("due" + tp.name(), "scheme.error.days"));
                }
            }
            List<Schemes.NewUnit> newUnits = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                UnitRow u = units.get(i);
                newUnits.add(new Schemes.NewUnit(u.organisationId == null ? -1 : u.organisationId, u.code.strip(),
                        u.cluster.strip()));
            }
            List<Indicator> newIndicators = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                newIndicators.add(indicators.get(i).toIndicator(i, problems));
            }
            return new Schemes.NewScheme(initiativeId == null ? -1 : initiativeId, code.strip(), name.strip(), days,
                    newUnits, newIndicators);
        }

        public Long getInitiativeId() {
            return initiativeId;
        }

        public void setInitiativeId(Long initiativeId) {
            this.initiativeId = initiativeId;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code == null ? "" : code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name == null ? "" : name;
        }

        public Map<String, String> getDue() {
            return due;
        }

        public void setDue(Map<String, String> due) {
            this.due = due;
        }

        public List<UnitRow> getUnits() {
            return units;
        }

        public void setUnits(List<UnitRow> units) {
            this.units = units;
        }

        public List<IndicatorRow> getIndicators() {
            return indicators;
        }

        public void setIndicators(List<IndicatorRow> indicators) {
            this.indicators = indicators;
        }
    }

    /** A unit as typed: the organisation, its code in files, its cluster. */
    public static class UnitRow {
        private Long organisationId;
        private String code = "";
        private String cluster = "";

        boolean blank() {
            return organisationId == null && code.isBlank() && cluster.isBlank();
        }

        public Long getOrganisationId() {
            return organisationId;
        }

        public void setOrganisationId(Long organisationId) {
            this.organisationId = organisationId;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code == null ? "" : code;
        }

        public String getCluster() {
            return cluster;
        }

        public void setCluster(String cluster) {
            this.cluster = cluster == null ? "" : cluster;
        }
    }

    /** An indicator as typed. */
    public static class IndicatorRow {
        private String code = "";
        private String label = "";
        private String type = ValueType.YES_NO.name();
        private String unit = "";
        private String min = "";
        private String max = "";
        private String choices = "";
        private List<String> timePoints = new ArrayList<>();
        private boolean required;
        private String rule = FulfilmentRule.NONE.name();
        private String ruleTimePoint = "";
        private String threshold = "";

        static IndicatorRow of(Indicator i) {
            IndicatorRow row = new IndicatorRow();
            row.code = i.code();
            row.label = i.label();
            row.type = i.type().name();
            row.unit = i.unit();
            row.min = plain(i.min());
            row.max = plain(i.max());
            row.choices = i.choices();
            row.timePoints = i.timePoints().stream().sorted().map(Enum::name).toList();
            row.required = i.required();
            row.rule = i.rule().name();
            row.ruleTimePoint = i.ruleTimePoint() == null ? "" : i.ruleTimePoint().name();
            row.threshold = plain(i.threshold());
            return row;
        }

        private static String plain(BigDecimal number) {
            return number == null ? "" : number.stripTrailingZeros().toPlainString().replace('.', ',');
        }

        boolean blank() {
            return code.isBlank() && label.isBlank();
        }

        Indicator toIndicator(int index, Map<String, Problem> problems) {
            ValueType valueType = ValueType.valueOf(enumOr(type, ValueType.values(), ValueType.YES_NO.name()));
            FulfilmentRule fulfilment = FulfilmentRule.valueOf(enumOr(rule, FulfilmentRule.values(), "NONE"));
            boolean number = valueType == ValueType.WHOLE || valueType == ValueType.DECIMAL;
            Set<TimePoint> tps = EnumSet.noneOf(TimePoint.class);
            for (String tp : timePoints) {
                if (TimePoint.ofSlug(tp) != null) {
                    tps.add(TimePoint.ofSlug(tp));
                }
            }
            String at = "indicator-" + index + "-";
            BigDecimal low = number ? decimal(min, at + "min", problems) : null;
            BigDecimal high = number ? decimal(max, at + "max", problems) : null;
            boolean thresholdUsed = fulfilment == FulfilmentRule.SHARE_AT_LEAST;
            BigDecimal limit = thresholdUsed ? decimal(threshold, at + "threshold", problems) : null;
            boolean atTimePoint = fulfilment == FulfilmentRule.SHARE_YES || fulfilment == FulfilmentRule.SHARE_AT_LEAST
                    || fulfilment == FulfilmentRule.MEDIAN;
            TimePoint ruleTp = atTimePoint ? TimePoint.ofSlug(ruleTimePoint) : null;
            return new Indicator(code.strip(), index, label.strip(), valueType, number ? unit.strip() : "", low, high,
                    valueType == ValueType.CHOICE ? choices.strip() : "", tps, required, fulfilment, ruleTp, limit);
        }

        private static String enumOr(String value, Enum<?>[] values, String fallback) {
            for (Enum<?> v : values) {
                if (v.name().equals(value)) {
                    return value;
                }
            }
            return fallback;
        }

        private static BigDecimal decimal(String text, String field, Map<String, Problem> problems) {
            String value = text == null ? "" : text.strip().replace(',', '.');
            if (value.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                problems.put(field, Problem.at(field, "scheme.error.number"));
                return null;
            }
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code == null ? "" : code;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label == null ? "" : label;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit == null ? "" : unit;
        }

        public String getMin() {
            return min;
        }

        public void setMin(String min) {
            this.min = min == null ? "" : min;
        }

        public String getMax() {
            return max;
        }

        public void setMax(String max) {
            this.max = max == null ? "" : max;
        }

        public String getChoices() {
            return choices;
        }

        public void setChoices(String choices) {
            this.choices = choices == null ? "" : choices;
        }

        public List<String> getTimePoints() {
            return timePoints;
        }

        public void setTimePoints(List<String> timePoints) {
            this.timePoints = timePoints == null ? new ArrayList<>() : timePoints;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public String getRule() {
            return rule;
        }

        public void setRule(String rule) {
            this.rule = rule;
        }

        public String getRuleTimePoint() {
            return ruleTimePoint;
        }

        public void setRuleTimePoint(String ruleTimePoint) {
            this.ruleTimePoint = ruleTimePoint == null ? "" : ruleTimePoint;
        }

        public String getThreshold() {
            return threshold;
        }

        public void setThreshold(String threshold) {
            this.threshold = threshold == null ? "" : threshold;
        }
    }
}
