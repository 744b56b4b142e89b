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
}
