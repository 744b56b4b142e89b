package dk.tvaers.accounts;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.web.PageOf;
import java.sql.Timestamp;
import java.time.LocalDate;
import dk.tvaers.platform.web.TimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only log of security-relevant events; the table refuses updates and deletes. An entry is written in the
 * caller's transaction (committed with what it records, gone with it when that rolls back), never in a new one: a
 * new transaction would take a second pooled connection while the caller holds its first, and enough parallel
 * callers (anonymous password resets) would then wait for each other until the pool times out (ADR 0016). The
 * records that must outlive a refusal, failed logins and refused OpenID Connect logins, are written where no
 * transaction is open, so they commit by themselves.
 */
@Service
public class AuditLog {


    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(AuditKind kind, Long actorId, String actor, String subject, String details) {
        jdbc.sql("""
                INSERT INTO audit_event (kind, actor_id, actor, subject, details, remote_address)
                VALUES (:kind, :actorId, :actor, :subject, :details, :remote)""")
                .param("kind", kind.name())
                .param("actorId", actorId)
                .param("actor", truncate(actor, 254))
                .param("subject", truncate(subject, 500))
                .param("details", truncate(details, 2000))
                .param("remote", remoteAddress())
                .update();
    }

    /** Filters of the administrator's audit page; every field may be empty. */
    public record Filter(AuditKind kind, String text, LocalDate from, LocalDate to) {}

    @Transactional(readOnly = true)
    public PageOf<AuditEntry> search(Filter filter, int page, int size) {
        return new FilteredQuery()
                .filter("kind = :kind", "kind", filter.kind())
                .contains("(actor ILIKE :text OR subject ILIKE :text OR details ILIKE :text)", "text", filter.text())
                .filter("occurred_at >= :from", "from", filter.from() == null ? null
                        : Timestamp.from(filter.from().atStartOfDay(TimeFormat.COPENHAGEN).toInstant()))
                .filter("occurred_at < :to", "to", filter.to() == null ? null
                        : Timestamp.from(filter.to().plusDays(1).atStartOfDay(TimeFormat.COPENHAGEN).toInstant()))
                .orderBy("occurred_at DESC, id DESC")
                .page(jdbc, "SELECT count(*) FROM audit_event", "SELECT * FROM audit_event", (rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        AuditKind.valueOf(rs.getString("kind")),
                        (Long) rs.getObject("actor_id"),
                        rs.getString("actor"),
                        rs.getString("subject"),
                        rs.getString("details"),
                        rs.getString("remote_address")), page, size);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
