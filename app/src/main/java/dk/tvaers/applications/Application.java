package dk.tvaers.applications;

import java.time.Instant;

/** An application of a consortium to a challenge's call, and its latest version's number and title. */
public record Application(long id, long consortiumId, String consortiumName, long challengeId, String challengeTitle,
        long callId, ApplicationStatus status, int latestVersion, String title, Instant createdAt,
        Instant firstSubmittedAt) {

    public boolean draft() {
        return status == ApplicationStatus.DRAFT;
    }
}
