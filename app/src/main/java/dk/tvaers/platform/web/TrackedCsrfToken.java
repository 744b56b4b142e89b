package dk.tvaers.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The request's CSRF token as Spring Security put it there (deferred: reading it generates and stores one),
 * wrapped so that we know whether drawing the page read it. A page holding a visitor's token is theirs alone.
 */
final class TrackedCsrfToken implements CsrfToken {

    private final CsrfToken delegate;
    private volatile boolean used;

    private TrackedCsrfToken(CsrfToken delegate) {
        this.delegate = delegate;
    }

    static TrackedCsrfToken install(HttpServletRequest request) {
        if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return null;
        }
        var tracked = new TrackedCsrfToken(token);
        request.setAttribute(CsrfToken.class.getName(), tracked);
        // Spring Security also puts it under "_csrf" for templates (CsrfFilter's default attribute name)
        if (request.getAttribute("_csrf") == token) {
            request.setAttribute("_csrf", tracked);
        }
        return tracked;
    }

    boolean used() {
        return used;
    }

    @Override
    public String getHeaderName() {
        used = true;
        return delegate.getHeaderName();
    }

    @Override
    public String getParameterName() {
        used = true;
        return delegate.getParameterName();
    }

    @Override
    public String getToken() {
        used = true;
        return delegate.getToken();
    }
}
