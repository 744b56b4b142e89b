package dk.tvaers.platform.database;

import java.util.Locale;

/** Helpers for the SQL the modules write by hand. */
public final class SqlText {

    private SqlText() {}

    /** A LIKE pattern that finds the text anywhere, lower-cased, with LIKE's own characters escaped. */
    public static String containsPattern(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** Text as a column keeps it: stripped, and null when nothing but blanks was typed. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
