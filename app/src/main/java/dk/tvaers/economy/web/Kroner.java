package dk.tvaers.economy.web;

import dk.tvaers.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts of øre as the reader writes them: exact ("3.700.800,00 kr.") or compact for chart axes ("3,7 mio."). */
final class Kroner {

    private Kroner() {}

    static String exact(long ore, Locale locale) {
        return new Money(ore).format(locale);
    }

    static String exact(Long ore, Locale locale) {
        return ore == null ? "" : exact(ore.longValue(), locale);
    }

    /** An amount as the reader types it, without "kr." ("45.000" or "45.000,50"), for a form to edit. */
    static String plain(long ore, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        var symbols = DecimalFormatSymbols.getInstance(english ? Locale.UK : Locale.of("da", "DK"));
        return new DecimalFormat(ore % 100 == 0 ? "#,##0" : "#,##0.00", symbols).format(BigDecimal.valueOf(ore, 2));
    }

    /** Millions with one decimal from one million, else whole thousands (compact, for charts only). */
    static String compact(long ore, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        var symbols = DecimalFormatSymbols.getInstance(english ? Locale.UK : Locale.of("da", "DK"));
        BigDecimal kroner = BigDecimal.valueOf(ore, 2);
        if (kroner.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            String number = new DecimalFormat("#,##0.0", symbols)
                    .format(kroner.movePointLeft(6).setScale(1, RoundingMode.HALF_EVEN));
            return english ? "DKK " + number + "m" : number + " mio. kr.";
        }
        String number = new DecimalFormat("#,##0", symbols)
                .format(kroner.movePointLeft(3).setScale(0, RoundingMode.HALF_EVEN));
        return english ? "DKK " + number + "k" : number + " t. kr.";
    }

    /** Basis points as a percentage ("3,5 %"). */
    static String percent(int basisPoints, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        var symbols = DecimalFormatSymbols.getInstance(english ? Locale.UK : Locale.of("da", "DK"));
        return new DecimalFormat("0.0#", symbols).format(BigDecimal.valueOf(basisPoints, 2)) + " %";
    }
}
