package dk.tvaers.funding;

import java.time.LocalDate;

/** A progress report that should have come. */
public record OverdueReport(long grantId, String grantTitle, String poolName, int trancheNumber, LocalDate reportDue) {}
