package dk.tvaers.platform.database;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The orders a list offers, as a whitelist: a key (what the address carries in {@code sortering}, usually an
 * enum's name) to the SQL of its {@code ORDER BY}. A key not on the list, a misspelling or an injection attempt,
 * gets the default order; what the user typed never reaches the SQL.
 */
public final class Sorting {

    private final SequencedMap<String, String> orders;
    private final String fallback;

    private Sorting(SequencedMap<String, String> orders, String fallback) {
        this.orders = orders;
        this.fallback = fallback;
    }

    /** The first order given is the default. Keys and SQL in pairs: {@code of("NEWEST", "created_at DESC", …)}. */
    public static Sorting of(String... keysAndSql) {
        if (keysAndSql.length == 0 || keysAndSql.length % 2 != 0) {
            throw new IllegalArgumentException("Sorting.of takes keys and SQL in pairs");
        }
        var orders = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndSql.length; i += 2) {
            orders.put(keysAndSql[i], keysAndSql[i + 1]);
        }
        return new Sorting(orders, keysAndSql[0]);
    }

    /** The SQL for the requested key (a String or an enum constant), or the default's. */
    public String sql(Object requested) {
        String key = requested instanceof Enum<?> constant ? constant.name() : requested == null ? null
                : requested.toString();
        return key != null && orders.containsKey(key) ? orders.get(key) : orders.get(fallback);
    }

    /** The keys in the order they were given (for the sort select). */
    public Map<String, String> orders() {
        return java.util.Collections.unmodifiableMap(orders);
    }
}
