/**
 * Funding: pools with an amount and a period, grants decided by the Task Force (in full or reduced, with a reason),
 * tranches released only on an approved progress report and then marked paid by finance, and an append-only ledger
 * in øre where corrections are reversing entries. A pool shows granted, paid and remaining at any time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funding")
package dk.tvaers.funding;
