package dk.tvaers.funding;

import java.time.LocalDate;

/** A progress report is due soon ({@link Kind#UPCOMING}) or overdue: its grant's contact is to be reminded once. */
public record ReportReminderDue(long trancheId, Kind kind, LocalDate reportDue) {

    public enum Kind {
        UPCOMING,
        OVERDUE
    }
}
