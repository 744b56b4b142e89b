package dk.tvaers.catalog;

import java.time.LocalDate;

/** What an organisation states when it records or changes its take-up of a case. */
public record NewAdoption(LocalDate startedOn, String changes, String contact, AdoptionStatus status) {}
