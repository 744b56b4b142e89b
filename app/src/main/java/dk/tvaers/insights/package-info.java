/**
 * Innovation capacity and open data (issue 15): the figures of the portal by region, sector, kind of innovation and
 * period, read from the other modules' public figure services (each computes its own by SQL), with charts, Excel and
 * drill-down links to the lists they come from; and the open datasets, streamed as CSV and JSON.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights")
package dk.tvaers.insights;
