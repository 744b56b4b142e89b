package dk.tvaers.notifications;

import dk.tvaers.platform.web.NotificationBadge;
import dk.tvaers.platform.web.PageOf;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices of each user and how they want them. {@link #notify} makes one notice per follower and event (the
 * unique key event + recipient makes a redelivered event add nothing) and publishes a {@link NotificationMailDue}
 * for each new notice whose recipient wants a mail at once; digests collect the rest ({@link Digests}).
 */
@Service
public class Notifications implements NotificationBadge {

    /** What happened to a subject, told to its followers except {@code actorId} (who did it). */
    public record Happening(String eventKey, NotificationKind kind, long subjectId, String subjectTitle, String detailKey,
            Long actorId) {}

    private final JdbcClient jdbc;
    private final Follows follows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Follows follows, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.follows = follows;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Tells the subject's followers. {@code inAppOnly} picks users who hear of this event by another mail already (an
     * idea's submitter gets the ideas module's own mail): they get the notice in Tværs only.
     *
     * @return how many new notices were made (0 when the event was seen before)
     */
    @Transactional
    public int notify(Happening happening, LongPredicate inAppOnly) {
        int made = 0;
        for (long recipient : follows.followers(happening.kind().subjectType(), happening.subjectId())) {
            if (happening.actorId() != null && happening.actorId() == recipient) {
                continue;
            }
            if (deliver(recipient, happening, inAppOnly.test(recipient))) {
                made++;
            }
        }
        return made;
    }

    /**
     * Tells one user, whether or not they follow the subject (a moderator hid or restored what they wrote). Returns
     * whether a new notice was made (false when the event was seen before or the user turned the kind off).
     */
    @Transactional
    public boolean notifyUser(long recipient, Happening happening) {
        return deliver(recipient, happening, false);
    }

    private boolean deliver(long recipient, Happening happening, boolean inAppOnly) {
        SubjectType type = happening.kind().subjectType();
        Delivery delivery = preference(recipient, happening.kind());
        if (delivery == Delivery.OFF) {
            return false;
        }
        if (inAppOnly) {
            delivery = Delivery.IN_APP;
        }
        var id = jdbc.sql("""
                INSERT INTO notification (event_key, recipient_user_id, kind, subject_type, subject_id, subject_title,
                    detail_key, link, delivery, created_at)
                VALUES (:key, :recipient, :kind, :type, :subject, :title, :detail, :link, :delivery, :at)
                ON CONFLICT (event_key, recipient_user_id) DO NOTHING
                RETURNING id""")
                .param("key", happening.eventKey()).param("recipient", recipient)
                .param("kind", happening.kind().name()).param("type", type.name())
                .param("subject", happening.subjectId()).param("title", truncate(happening.subjectTitle()))
                .param("detail", happening.detailKey()).param("link", type.link(happening.subjectId()))
                .param("delivery", delivery.name()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
        if (id.isPresent() && delivery == Delivery.IMMEDIATE) {
            events.publishEvent(new NotificationMailDue(id.get()));
        }
        return id.isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public long unread(long userId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_user_id = :user AND read_at IS NULL")
                .param("user", userId).query(Long.class).single();
    }

    /** A user's notices, newest first. */
    @Transactional(readOnly = true)
    public PageOf<Notification> of(long userId, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE recipient_user_id = :user")
                .param("user", userId).query(Long.class).single();
        var empty = new PageOf<Notification>(List.of(), page, size, total);
        var items = jdbc.sql("""
                SELECT * FROM notification WHERE recipient_user_id = :user
                ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("user", userId).param("limit", size).param("offset", empty.offset())
                .query(Notifications::map).list();
        return new PageOf<>(items, page, size, total);
    }

    /** Marks one of the user's notices read and gives its link; empty when it is not theirs. */
    @Transactional
    public java.util.Optional<String> open(long userId, long notificationId) {
        return jdbc.sql("""
                UPDATE notification SET read_at = coalesce(read_at, :now)
                WHERE id = :id AND recipient_user_id = :user RETURNING link""")
                .param("now", Timestamp.from(clock.instant())).param("id", notificationId).param("user", userId)
                .query(String.class).optional();
    }

    @Transactional
    public int markAllRead(long userId) {
        return jdbc.sql("UPDATE notification SET read_at = :now WHERE recipient_user_id = :user AND read_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("user", userId).update();
    }

    /** The user's delivery for every kind (the kind's default where they have not chosen). */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Delivery> preferences(long userId) {
        Map<NotificationKind, Delivery> result = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            result.put(kind, kind.defaultDelivery());
        }
        jdbc.sql("SELECT kind, delivery FROM notification_preference WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> Map.entry(NotificationKind.valueOf(rs.getString(1)), Delivery.valueOf(rs.getString(2))))
                .list().forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    @Transactional
    public void choose(long userId, Map<NotificationKind, Delivery> choices) {
        choices.forEach((kind, delivery) -> jdbc.sql("""
                INSERT INTO notification_preference (user_id, kind, delivery) VALUES (:user, :kind, :delivery)
                ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery""")
                .param("user", userId).param("kind", kind.name()).param("delivery", delivery.name()).update());
    }

    private Delivery preference(long userId, NotificationKind kind) {
        return jdbc.sql("SELECT delivery FROM notification_preference WHERE user_id = :user AND kind = :kind")
                .param("user", userId).param("kind", kind.name()).query(String.class).optional()
                .map(Delivery::valueOf).orElse(kind.defaultDelivery());
    }

    static Notification map(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
                SubjectType.valueOf(rs.getString("subject_type")), rs.getLong("subject_id"), rs.getString("subject_title"),
                rs.getString("detail_key"), rs.getString("link"), Delivery.valueOf(rs.getString("delivery")),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }

    private static String truncate(String title) {
        return title.length() <= 300 ? title : title.substring(0, 299) + "…";
    }
}
