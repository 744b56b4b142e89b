package dk.tvaers.registrations;

import dk.tvaers.platform.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's own course shared by the unit as a simple page: a personal link (SHA-256 kept) that shows the course's
 * time points and values and the citizen's own PRO answers, until it expires
 * ({@code tvaers.registrations.share-lifetime}).
 */
@Service
public class CourseShares {

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final Clock clock;
    private final Duration lifetime;

    CourseShares(JdbcClient jdbc, Registrations registrations, Clock clock,
            @Value("${tvaers.registrations.share-lifetime:P30D}") Duration lifetime) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A link's token for the course's citizen; only the unit's own professionals share a course. */
    @Transactional
    public String share(long courseId, Viewer viewer) {
        Course course = registrations.course(courseId);
        if (!Registrations.mayEnter(course.unitId(), viewer)) {
            throw new NotFoundException("course", courseId);
        }
        String token = Tokens.fresh();
        jdbc.sql("INSERT INTO course_share (course_id, token_sha256, expires_at) VALUES (:course, :hash, :expires)")
                .param("course", courseId).param("hash", Tokens.sha256(token))
                .param("expires", Timestamp.from(clock.instant().plus(lifetime))).update();
        return token;
    }

    /** The shared course, while its link is valid. */
    @Transactional(readOnly = true)
    public Optional<CourseView> shared(String token) {
        return jdbc.sql("SELECT course_id FROM course_share WHERE token_sha256 = :hash AND expires_at > :now")
                .param("hash", Tokens.sha256(token)).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional().map(registrations::viewAsSystem);
    }
}
