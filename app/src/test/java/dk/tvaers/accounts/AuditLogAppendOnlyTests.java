package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database itself keeps the audit log append-only, whatever the code above it does. */
@IntegrationTest
class AuditLogAppendOnlyTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesToChangeAnEntry() {
        long id = entry("append-only-update");

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET details = 'ændret' WHERE id = :id")
                .param("id", id).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_event is append-only");
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("original");
    }

    @Test
    void refusesToDeleteAnEntry() {
        long id = entry("append-only-delete");

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_event is append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesToEmptyTheLog() {
        entry("append-only-truncate");

        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_event is append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE subject = 'append-only-truncate'")
                .query(Long.class).single()).isEqualTo(1);
    }

    private long entry(String subject) {
        audit.record(AuditKind.USER_UPDATED, null, "test", subject, "original");
        return jdbc.sql("SELECT id FROM audit_event WHERE subject = :subject").param("subject", subject)
                .query(Long.class).single();
    }
}
