package dk.tvaers.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Shows instants (stored in UTC) in Danish time. Templates call it as {@code ${@time.dateTime(instant)}}.
 */
@Component("time")
public class TimeFormat {

    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(COPENHAGEN);
    private static final DateTimeFormatter DATE_TIME_SECONDS =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(COPENHAGEN);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(COPENHAGEN);

    /** The day in Danish time, as {@code dd-MM-yyyy}. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public String dateTimeSeconds(Instant instant) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant);
    }
}
