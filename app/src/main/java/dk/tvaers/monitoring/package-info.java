/**
 * Monitoring: the analytic store (DuckDB under the data directory) with imported person-level event data, the
 * Triple Aim indicator definitions as SQL, runs per initiative (target vs comparison, before vs after, by stratum)
 * and their aggregates in PostgreSQL. Person-level rows never leave the analytic store. Uses the initiatives
 * module's public API; initiatives knows nothing of monitoring.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package dk.tvaers.monitoring;
