package dk.tvaers.registrations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One indicator of a scheme version: its value type (with unit and range), the time points at which it is due,
 * whether it is required there, and how its fulfilment is computed ({@link FulfilmentRule} at {@code ruleTimePoint},
 * with {@code threshold} for {@code SHARE_AT_LEAST}). Choices are {@code code=label} pairs separated by {@code |}.
 */
public record Indicator(String code, int position, String label, ValueType type, String unit, BigDecimal min,
        BigDecimal max, String choices, Set<TimePoint> timePoints, boolean required, FulfilmentRule rule,
        TimePoint ruleTimePoint, BigDecimal threshold) {

    public Indicator {
        unit = unit == null ? "" : unit;
        choices = choices == null ? "" : choices;
        timePoints = Set.copyOf(timePoints);
    }

    /** The choices, code → label, in their order. */
    public Map<String, String> choiceLabels() {
        var result = new LinkedHashMap<String, String>();
        if (!choices.isBlank()) {
            for (String pair : choices.split("\\|")) {
                int eq = pair.indexOf('=');
                result.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? pair : pair.substring(eq + 1));
            }
        }
        return result;
    }

    /** The choices' labels as a person reads them: "Sygehus, Egen læge". */
    public String choiceText() {
        return String.join(", ", choiceLabels().values());
    }

    public boolean dueAt(TimePoint timePoint) {
        return timePoints.contains(timePoint);
    }

    /** A checked value: its canonical text and, for numbers and yes/no, its number. */
    public record Checked(String text, BigDecimal number) {}

    /** The result of checking a typed value: the value, or the problem (message key and arguments). */
    public record Check(Checked value, Problem problem) {
        static Check ok(String text, BigDecimal number) {
            return new Check(new Checked(text, number), null);
        }

        static Check problem(String key, Object... arguments) {
            return new Check(null, Problem.at("", key, arguments));
        }
    }

    /**
     * Checks a value as typed by a professional or written in a file: yes/no as {@code ja}/{@code nej} (also
     * {@code true}/{@code false}, {@code 1}/{@code 0}), numbers with a decimal comma or point, dates as
     * {@code YYYY-MM-DD}, a choice by its code. A blank value is not checked here (required is the caller's rule).
     */
    public Check check(String raw) {
        String value = raw == null ? "" : raw.strip();
        switch (type) {
            case YES_NO -> {
                return switch (value.toLowerCase()) {
                    case "ja", "true", "1" -> Check.ok("ja", BigDecimal.ONE);
                    case "nej", "false", "0" -> Check.ok("nej", BigDecimal.ZERO);
                    default -> Check.problem("registration.error.yesNo");
                };
            }
            case WHOLE, DECIMAL -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(value.replace(',', '.'));
                } catch (NumberFormatException e) {
                    return Check.problem(type == ValueType.WHOLE ? "registration.error.whole"
                            : "registration.error.decimal");
                }
                if (type == ValueType.WHOLE && number.stripTrailingZeros().scale() > 0) {
                    return Check.problem("registration.error.whole");
                }
                if (number.stripTrailingZeros().scale() > 2) {
                    return Check.problem("registration.error.decimals");
                }
                if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
                    return Check.problem("registration.error.range", plain(min), plain(max), unit);
                }
                String text = type == ValueType.WHOLE ? number.toBigInteger().toString() : plain(number);
                return Check.ok(text, new BigDecimal(text));
            }
            case CHOICE -> {
                return choiceLabels().containsKey(value) ? Check.ok(value, null)
                        : Check.problem("registration.error.choice", String.join(", ", choiceLabels().keySet()));
            }
            case DATE -> {
                try {
                    return Check.ok(LocalDate.parse(value).toString(), null);
                } catch (DateTimeParseException e) {
                    return Check.problem("registration.error.date");
                }
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }
}
