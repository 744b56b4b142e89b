package dk.tvaers.applications;

import dk.tvaers.challenges.ApplicantCounter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells challenges how many applications were submitted to a call, so that a call with applicants is not re-opened.
 * (Asks the database itself: {@link Applications} uses challenges, so depending on it here would make a cycle.)
 */
@Component
class SubmittedApplicants implements ApplicantCounter {

    private final JdbcClient jdbc;

    SubmittedApplicants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long submittedTo(long callId) {
        return jdbc.sql("SELECT count(*) FROM application WHERE call_id = :call AND status <> 'DRAFT'")
                .param("call", callId).query(Long.class).single();
    }
}
