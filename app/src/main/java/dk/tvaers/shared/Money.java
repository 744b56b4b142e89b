package dk.tvaers.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/** An amount of Danish kroner, kept as whole øre (never floating point). */
public record Money(long ore) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofKroner(long kroner) {
        return new Money(Math.multiplyExact(kroner, 100L));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(ore, other.ore));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(ore, other.ore));
    }

    public boolean isPositive() {
        return ore > 0;
    }

    public boolean exceeds(Money other) {
        return ore > other.ore;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(ore, other.ore);
    }

    /** As Danes write it: "2.200.000,00 kr." (English: "DKK 2,200,000.00"). */
    public String format(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        var symbols = DecimalFormatSymbols.getInstance(english ? Locale.UK : Locale.of("da", "DK"));
        var format = new DecimalFormat("#,##0.00", symbols);
        String number = format.format(BigDecimal.valueOf(ore, 2));
        return english ? "DKK " + number : number + " kr.";
    }

    /**
     * Reads an amount typed in kroner, Danish style ("2.200.000", "1.500,50", "750000") or plain ("1500.50"):
     * empty when it is not an amount of at most two decimals.
     */
    public static Optional<Money> parseKroner(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replaceAll("(?i)kr\\.?$", "")
                .replaceAll("(?i)^dkk", "");
        if (cleaned.isEmpty() || !cleaned.matches("[0-9.,]+")) {
            return Optional.empty();
        }
        String normalised;
        int comma = cleaned.lastIndexOf(',');
        if (comma >= 0) {
            normalised = cleaned.substring(0, comma).replace(".", "") + "." + cleaned.substring(comma + 1);
            if (normalised.indexOf(',') >= 0) {
                return Optional.empty();
            }
        } else if (cleaned.matches("[0-9]{1,3}(\\.[0-9]{3})+")) {
            normalised = cleaned.replace(".", "");
        } else {
            normalised = cleaned;
        }
        try {
            BigDecimal kroner = new BigDecimal(normalised);
            if (kroner.scale() > 2) {
                return Optional.empty();
            }
            return Optional.of(new Money(kroner.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2)
                    .longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
