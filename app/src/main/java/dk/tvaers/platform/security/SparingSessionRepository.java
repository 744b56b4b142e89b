package dk.tvaers.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC repository, writing a session back to PostgreSQL only when something in it changed or its
 * stored last access is older than {@code touchEvery} (ADR 0056).
 *
 * <p>Spring Session marks a session changed on every request (the filter sets its last-access time), so every
 * signed-in request, a style sheet as much as a page, wrote the session row in a transaction of its own: about a
 * third of a light signed-in request's CPU (bench/README.md, issue 17). Here a request that changes nothing but the
 * time saves nothing and takes no connection for it; the stored last access is at most {@code touchEvery} behind,
 * so a session may end that much earlier than its idle timeout says (a minute of sixty). Attributes, a new id, a new
 * timeout and new sessions are saved as before, with the latest access time. Nothing is kept between requests: each
 * request reads the row, so a session ended on another instance is ended here too.
 */
public final class SparingSessionRepository implements FindByIndexNameSessionRepository<SparingSessionRepository.SparingSession> {

    private final FindByIndexNameSessionRepository<Session> delegate;
    private final Duration touchEvery;

    @SuppressWarnings("unchecked")
    public SparingSessionRepository(FindByIndexNameSessionRepository<? extends Session> delegate, Duration touchEvery) {
        if (touchEvery.isNegative()) {
            throw new IllegalArgumentException("touchEvery must not be negative");
        }
        this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
        this.touchEvery = touchEvery;
    }

    @Override
    public SparingSession createSession() {
        return new SparingSession(delegate.createSession(), true);
    }

    @Override
    public void save(SparingSession session) {
        if (!session.dirty) {
            return;
        }
        if (session.pendingAccess != null) {
            session.inner.setLastAccessedTime(session.pendingAccess);
            session.pendingAccess = null;
        }
        delegate.save(session.inner);
        session.dirty = false;
    }

    @Override
    public SparingSession findById(String id) {
        Session found = delegate.findById(id);
        return found == null ? null : new SparingSession(found, false);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
    }

    @Override
    public Map<String, SparingSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        var found = new LinkedHashMap<String, SparingSession>();
        delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new SparingSession(session, false)));
        return found;
    }

    /** A session that knows whether anything worth a write happened to it since it was read or saved. */
    public final class SparingSession implements Session {

        private final Session inner;
        private boolean dirty;
        private Instant pendingAccess;

        private SparingSession(Session inner, boolean isNew) {
            this.inner = inner;
            this.dirty = isNew;
        }

        /** Whether saving it now would write (for tests and the reasoning above). */
        boolean needsWrite() {
            return dirty;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (dirty || !lastAccessedTime.isBefore(inner.getLastAccessedTime().plus(touchEvery))) {
                inner.setLastAccessedTime(lastAccessedTime);
                dirty = true;
                pendingAccess = null;
            } else {
                pendingAccess = lastAccessedTime;
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return pendingAccess != null ? pendingAccess : inner.getLastAccessedTime();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            if (attributeValue == null && !inner.getAttributeNames().contains(attributeName)) {
                return;
            }
            inner.setAttribute(attributeName, attributeValue);
            dirty = true;
        }

        @Override
        public void removeAttribute(String attributeName) {
            setAttribute(attributeName, null);
        }

        @Override
        public String changeSessionId() {
            dirty = true;
            return inner.changeSessionId();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(inner.getMaxInactiveInterval())) {
                inner.setMaxInactiveInterval(interval);
                dirty = true;
            }
        }

        @Override
        public String getId() {
            return inner.getId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return inner.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return inner.getAttributeNames();
        }

        @Override
        public Instant getCreationTime() {
            return inner.getCreationTime();
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return inner.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return inner.isExpired();
        }
    }
}
