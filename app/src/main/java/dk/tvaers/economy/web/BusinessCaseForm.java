package dk.tvaers.economy.web;

import dk.tvaers.economy.AmountBasis;
import dk.tvaers.economy.BusinessCaseVersion;
import dk.tvaers.economy.DiscountRate;
import dk.tvaers.economy.EconomySector;
import dk.tvaers.economy.Effect;
import dk.tvaers.economy.LineCategory;
import dk.tvaers.economy.Plan;
import dk.tvaers.economy.PlanLine;
import dk.tvaers.economy.Problem;
import dk.tvaers.shared.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.validation.BindingResult;

/**
 * The business-case form: everything as the user typed it (text), so a refused form comes back unchanged. Bound as a
 * JavaBean because its lines are a growing list ({@code lines[0].title}); {@link #parse} turns it into a plan or
 * puts a Danish message at every field that is wrong.
 */
public class BusinessCaseForm {

    private String startMonth = "";
    private String horizonYears = "5";
    private String plannedCitizens = "0";
    private String discountRate = "";
    private String note = "";
    private List<LineForm> lines = new ArrayList<>();

    /** One line as typed. */
    public static class LineForm {
        private String category = "";
        private String sector = "";
        private String effect = "";
        private String title = "";
        private String start = "";
        private String basis = "";
        private String amount = "";
        private String duration = "";
        private String assumption = "";

        boolean blank() {
            return List.of(category, sector, effect, title, start, basis, amount, duration, assumption).stream()
                    .allMatch(s -> s == null || s.isBlank());
        }

        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public String getSector() { return sector; }
        public void setSector(String sector) { this.sector = sector; }
        public String getEffect() { return effect; }
        public void setEffect(String effect) { this.effect = effect; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getStart() { return start; }
        public void setStart(String start) { this.start = start; }
        public String getBasis() { return basis; }
        public void setBasis(String basis) { this.basis = basis; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
        public String getDuration() { return duration; }
        public void setDuration(String duration) { this.duration = duration; }
        public String getAssumption() { return assumption; }
        public void setAssumption(String assumption) { this.assumption = assumption; }
    }

    /** A blank form starting in the given month, with the state's discount rate and two empty lines. */
    static BusinessCaseForm blank(YearMonth start, Locale locale) {
        var form = new BusinessCaseForm();
        form.startMonth = start.toString();
        form.discountRate = plainPercent(DiscountRate.STATE_DEFAULT_BASIS_POINTS, locale);
        form.addBlankLine();
        form.addBlankLine();
        return form;
    }

    /** A form holding a saved version, to change into the next one, with one empty line more. */
    static BusinessCaseForm of(BusinessCaseVersion version, Locale locale) {
        var form = new BusinessCaseForm();
        Plan plan = version.plan();
        form.startMonth = plan.start().toString();
        form.horizonYears = String.valueOf(plan.horizonYears());
        form.plannedCitizens = String.valueOf(plan.plannedCitizens());
        form.discountRate = plainPercent(plan.discountRateBasisPoints(), locale);
        for (PlanLine line : plan.lines()) {
            var l = new LineForm();
            l.category = line.category().name();
            l.sector = line.sector().name();
            l.effect = line.effect().name();
            l.title = line.title();
            l.start = line.start().toString();
            l.basis = line.basis().name();
            l.amount = BigDecimal.valueOf(line.amountOre(), 2).stripTrailingZeros().toPlainString().replace('.', ',');
            l.duration = line.durationMonths() == null ? "" : String.valueOf(line.durationMonths());
            l.assumption = line.assumption();
            form.lines.add(l);
        }
        form.addBlankLine();
        return form;
    }

    void addBlankLine() {
        lines.add(new LineForm());
    }

    private static String plainPercent(int basisPoints, Locale locale) {
        String text = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
        return "en".equals(locale.getLanguage()) ? text : text.replace('.', ',');
    }

    /**
     * The plan of every line that could be read, with every field that could not rejected in {@code errors}; empty
     * when the business case's own fields could not be read. Save it only when {@code errors} has none.
     */
    Optional<Plan> parse(BindingResult errors) {
        indexes.clear();
        YearMonth start = month(startMonth, "startMonth", errors);
        Integer horizon = whole(horizonYears, "horizonYears", "economy.error.horizonNumber", errors);
        Integer citizens = whole(plannedCitizens, "plannedCitizens", "economy.error.citizensNumber", errors);
        Integer rate = rate(errors);
        var parsed = new ArrayList<PlanLine>();
        for (int i = 0; i < lines.size(); i++) {
            LineForm line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            String prefix = "lines[" + i + "].";
            LineCategory category = choice(LineCategory.class, line.category, prefix + "category",
                    "economy.error.category", errors);
            EconomySector sector = choice(EconomySector.class, line.sector, prefix + "sector",
                    "economy.error.sector", errors);
            Effect effect = choice(Effect.class, line.effect, prefix + "effect", "economy.error.effect", errors);
            AmountBasis basis = choice(AmountBasis.class, line.basis, prefix + "basis", "economy.error.basis", errors);
            YearMonth lineStart = month(line.start, prefix + "start", errors);
            Long amount = amount(line.amount, effect, prefix + "amount", errors);
            Integer duration = line.duration == null || line.duration.isBlank() ? null
                    : signedWhole(line.duration, prefix + "duration", errors);
            if (line.title == null || line.title.isBlank()) {
                errors.rejectValue(prefix + "title", "economy.error.titleRequired");
            } else if (line.title.strip().length() > 200) {
                errors.rejectValue(prefix + "title", "validation.tooLong");
            }
            if (category != null && sector != null && effect != null && basis != null && lineStart != null
                    && amount != null) {
                // index kept in the line list, so problems found later name the typed line
                parsed.add(new PlanLine(category, sector, effect, line.title == null ? "" : line.title.strip(),
                        lineStart, basis, amount, duration, line.assumption));
                indexes.add(i);
            }
        }
        if (start == null || horizon == null || citizens == null || rate == null) {
            return Optional.empty();
        }
        // the lines that could be read, so the rules of the business case are checked even while a field is wrong
        return Optional.of(new Plan(start, horizon, citizens, rate, parsed));
    }

    /** Which typed line each parsed line came from (blank lines are skipped). */
    private final List<Integer> indexes = new ArrayList<>();

    /** Puts the rules' problems at their fields (a field already refused keeps its first message). */
    void reject(List<Problem> problems, BindingResult errors) {
        for (Problem problem : problems) {
            String field = problem.line() < 0 ? problem.field()
                    : "lines[" + indexes.get(problem.line()) + "]." + problem.field();
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, problem.messageKey(), problem.args().toArray(), null);
            }
        }
    }

    static YearMonth month(String text, String field, BindingResult errors) {
        if (text == null || text.isBlank()) {
            errors.rejectValue(field, "economy.error.monthRequired");
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "economy.error.month");
            return null;
        }
    }

    private static Integer whole(String text, String field, String key, BindingResult errors) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, key);
            return null;
        }
    }

    private static Integer signedWhole(String text, String field, BindingResult errors) {
        try {
            return Integer.parseInt(text.strip().replace('\u2212', '-'));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "economy.error.durationNumber");
            return null;
        }
    }

    private Integer rate(BindingResult errors) {
        String text = discountRate == null ? "" : discountRate.strip().replace("%", "").strip().replace(',', '.');
        try {
            BigDecimal percent = new BigDecimal(text);
            if (percent.scale() > 2) {
                throw new NumberFormatException();
            }
            return percent.movePointRight(2).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.rejectValue("discountRate", "economy.error.discountRateNumber");
            return null;
        }
    }

    private static Long amount(String text, Effect effect, String field, BindingResult errors) {
        if (text == null || text.isBlank()) {
            if (effect != null && !effect.counted()) {
                return 0L;
            }
            errors.rejectValue(field, "economy.error.amountRequired");
            return null;
        }
        String typed = text.strip();
        if (typed.startsWith("-") || typed.startsWith("\u2212")) {
            errors.rejectValue(field, "economy.error.negativeAmount");
            return null;
        }
        Optional<Money> money = Money.parseKroner(typed);
        if (money.isEmpty()) {
            errors.rejectValue(field, "economy.error.amount");
            return null;
        }
        return money.get().ore();
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String key,
            BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, key);
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, key + "Unknown");
            return null;
        }
    }

    public String getStartMonth() { return startMonth; }
    public void setStartMonth(String startMonth) { this.startMonth = startMonth; }
    public String getHorizonYears() { return horizonYears; }
    public void setHorizonYears(String horizonYears) { this.horizonYears = horizonYears; }
    public String getPlannedCitizens() { return plannedCitizens; }
    public void setPlannedCitizens(String plannedCitizens) { this.plannedCitizens = plannedCitizens; }
    public String getDiscountRate() { return discountRate; }
    public void setDiscountRate(String discountRate) { this.discountRate = discountRate; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public List<LineForm> getLines() { return lines; }
    public void setLines(List<LineForm> lines) { this.lines = lines; }
}
