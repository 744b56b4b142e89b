/**
 * Economy: the one place where the planned and the realised money of an initiative meet. Versioned business cases
 * (cost and gain lines per sector), their key figures computed exactly in øre ({@link dk.tvaers.economy.KeyFigures}),
 * the shadow accounts per sector, and the realised figures next to the plan: paid grants from funding's ledger and
 * measured gains from monitoring's newest Triple Aim run (aggregates only). Implements catalog's
 * {@code CaseEconomySource}, so the catalogue case shows the approved version's key figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Economy")
package dk.tvaers.economy;
