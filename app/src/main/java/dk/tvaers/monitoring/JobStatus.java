package dk.tvaers.monitoring;

/** The state of a background job (an import or a run) as a page shows it. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    REFUSED,
    FAILED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    public String messageKey() {
        return "monitoring.job.status." + name();
    }
}
