package dk.tvaers.registrations.web;

import dk.tvaers.registrations.FulfilmentRule;
import dk.tvaers.registrations.Indicator;
import dk.tvaers.registrations.Problem;
import dk.tvaers.registrations.Scheme;
import dk.tvaers.registrations.Schemes;
import dk.tvaers.registrations.TimePoint;
import dk.tvaers.registrations.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The definition as typed: text kept as it was, so a refused form shows it again. */
public class SchemeForm {
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
