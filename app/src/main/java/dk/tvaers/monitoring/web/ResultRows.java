package dk.tvaers.monitoring.web;

import dk.tvaers.indicators.EffectSql;
import dk.tvaers.indicators.Indicator;
import dk.tvaers.indicators.IndicatorResult;
import dk.tvaers.monitoring.Effect;
import dk.tvaers.monitoring.IndicatorRun;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results for machines (issue 12, item 13): one row per indicator, group, period, stratum, stratum value
 * and statistic, every one a stable code independent of the page's language, values in the stored unit (øre; a
 * score in hundredths; a share as a fraction). CSV and JSON carry the same rows, and the run's versions. A hidden
 * result has one row, statistic {@code N}, no value and the status saying why.
 */
record ResultRows(Map<String, Object> run, List<Row> rows) {

    static final String VERSION = "1";

    record Row(String indicator, String unit, String group, String period, String stratum, String stratumValue,
            String statistic, BigDecimal value, String status) {}

    static final List<String> COLUMNS = List.of("indicator", "unit", "group", "period", "stratum", "stratum_value",
            "statistic", "value", "status");

    static ResultRows of(IndicatorRun run, List<IndicatorResult> results, Effect.Set effects,
            List<Effect.Month> series) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("format_version", VERSION);
        about.put("run_id", run.id());
        about.put("initiative_id", run.initiativeId());
        about.put("window_days", run.windowDays());
        about.put("data_version", run.dataVersion());
        about.put("definition_version", run.definitionVersion());
        about.put("catalogue_version", run.catalogueVersion());
        about.put("tariff_years", run.tariffYears());
        about.put("effect_method", effects.seed() == null ? null : EffectSql.METHOD);
        about.put("bootstrap_seed", effects.seed());
        about.put("bootstrap_replicates", effects.replicates());
        about.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
        Map<String, Indicator> catalogue = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.catalogue()) {
            catalogue.put(indicator.code(), indicator);
        }
        var rows = new ArrayList<Row>();
        for (IndicatorResult r : results) {
            String unit = catalogue.containsKey(r.indicator()) ? catalogue.get(r.indicator()).unit().name() : "";
            if (r.suppressed()) {
                rows.add(new Row(r.indicator(), unit, r.group(), r.period(), r.stratum(), r.stratumValue(), "N", null,
                        r.secondary() ? "HIDDEN_SECONDARY" : "HIDDEN_UNDER_5"));
                continue;
            }
            String status = r.empty() ? "EMPTY" : "SHOWN";
            rows.add(row(r, unit, "N", BigDecimal.valueOf(r.n()), status));
            rows.add(row(r, unit, "TOTAL", r.total(), status));
            if (r.denominator() != null) {
                rows.add(row(r, unit, "DENOMINATOR", BigDecimal.valueOf(r.denominator()), status));
            }
            rows.add(row(r, unit, "MEAN", r.mean(), status));
            rows.add(row(r, unit, "MEDIAN", r.median(), status));
            rows.add(row(r, unit, "WITH_EVENT", r.withEvent() == null ? null : BigDecimal.valueOf(r.withEvent()),
                    status));
            rows.add(row(r, unit, "SHARE_WITH_EVENT", r.shareWithEvent(), status));
        }
        for (Effect e : effects.effects()) {
            String unit = catalogue.containsKey(e.indicator()) ? catalogue.get(e.indicator()).unit().name() : "";
            String group = e.matched() ? "TARGET_VS_MATCHED_COMPARISON" : "TARGET_VS_COMPARISON";
            String period = e.kind() == EffectSql.Kind.DID ? "AFTER_MINUS_BEFORE" : "AFTER";
            String statistic = e.kind() == EffectSql.Kind.DID ? "DID" : "DIFFERENCE";
            if (e.suppressed()) {
                rows.add(new Row(e.indicator(), unit, group, period, "ALL", "ALL", statistic, null, "HIDDEN"));
                continue;
            }
            rows.add(new Row(e.indicator(), unit, group, period, "ALL", "ALL", statistic, e.estimate(), "SHOWN"));
            rows.add(new Row(e.indicator(), unit, group, period, "ALL", "ALL", statistic + "_CI95_LOWER", e.lower(),
                    "SHOWN"));
            rows.add(new Row(e.indicator(), unit, group, period, "ALL", "ALL", statistic + "_CI95_UPPER", e.upper(),
                    "SHOWN"));
        }
        for (Effect.Month m : series) {
            String period = "MONTH_" + m.month();
            if (m.suppressed()) {
                rows.add(new Row(m.measure(), "COUNT", m.group(), period, "ALL", "ALL", "PERSONS_AT_RISK", null,
                        "HIDDEN_UNDER_5"));
                continue;
            }
            rows.add(new Row(m.measure(), "COUNT", m.group(), period, "ALL", "ALL", "PERSONS_AT_RISK",
                    BigDecimal.valueOf(m.persons()), "SHOWN"));
            rows.add(new Row(m.measure(), "COUNT", m.group(), period, "ALL", "ALL", "EVENTS",
                    BigDecimal.valueOf(m.events()), "SHOWN"));
        }
        return new ResultRows(about, rows);
    }

    private static Row row(IndicatorResult r, String unit, String statistic, BigDecimal value, String status) {
        return new Row(r.indicator(), unit, r.group(), r.period(), r.stratum(), r.stratumValue(), statistic, value,
                status);
    }

    /** CSV (RFC 4180, comma, UTF-8): the run's versions repeated in the first columns of every row. */
    String csv() {
        var out = new StringBuilder();
        var header = new ArrayList<String>(run.keySet());
        header.addAll(COLUMNS);
        out.append(String.join(",", header)).append("\r\n");
        var prefix = new StringBuilder();
        for (Object v : run.values()) {
            prefix.append(csvCell(v == null ? "" : v.toString())).append(',');
        }
        for (Row r : rows) {
            out.append(prefix).append(r.indicator()).append(',').append(r.unit()).append(',').append(r.group())
                    .append(',').append(r.period()).append(',').append(r.stratum()).append(',')
                    .append(r.stratumValue()).append(',').append(r.statistic()).append(',')
                    .append(r.value() == null ? "" : r.value().toPlainString()).append(',').append(r.status())
                    .append("\r\n");
        }
        return out.toString();
    }

    /** JSON: {"run": {versions}, "rows": [{indicator, unit, group, period, stratum, stratum_value, statistic, value, status}]}. */
    String json() {
        var out = new StringBuilder("{\"run\":{");
        boolean first = true;
        for (var e : run.entrySet()) {
            out.append(first ? "" : ",").append(jsonString(e.getKey())).append(':').append(jsonValue(e.getValue()));
            first = false;
        }
        out.append("},\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.append(i == 0 ? "" : ",").append("\n{\"indicator\":").append(jsonString(r.indicator()))
                    .append(",\"unit\":").append(jsonString(r.unit()))
                    .append(",\"group\":").append(jsonString(r.group()))
                    .append(",\"period\":").append(jsonString(r.period()))
                    .append(",\"stratum\":").append(jsonString(r.stratum()))
                    .append(",\"stratum_value\":").append(jsonString(r.stratumValue()))
                    .append(",\"statistic\":").append(jsonString(r.statistic()))
                    .append(",\"value\":").append(r.value() == null ? "null" : r.value().toPlainString())
                    .append(",\"status\":").append(jsonString(r.status())).append('}');
        }
        return out.append("]}\n").toString();
    }

    private static String jsonValue(Object v) {
        if (v == null) {
            return "null";
        }
        return v instanceof Number ? v.toString() : jsonString(v.toString());
    }

    static String jsonString(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
