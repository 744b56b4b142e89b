package dk.tvaers.registrations;

import java.time.Instant;

/** One registered value of a course: at a time point, of an indicator; a draft until saved as final. */
public record Registered(TimePoint timePoint, String indicator, String text, boolean draft, Source source,
        Instant enteredAt, String enteredBy) {}
