package dk.tvaers.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * A request body over the limit ({@code spring.servlet.multipart.max-request-size}, 60 MB) is refused by its
 * {@code Content-Length} before anything reads it, with HTTP 413 and the Danish page {@code error/413}. The error page's
 * own dispatch sees the request without its body: Tomcat 11 throws on any parameter access after a failed parse, which
 * made the error page itself fail and Tomcat answer with its own English page.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    private static final String TOO_LARGE = RequestSizeLimit.class.getName() + ".tooLarge";

    @Bean
    FilterRegistrationBean<Filter> requestSizeLimitFilter(
            @Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize limit) {
        Filter filter = (servletRequest, servletResponse, chain) -> {
            var request = (HttpServletRequest) servletRequest;
            if (request.getDispatcherType() == DispatcherType.REQUEST
                    && request.getContentLengthLong() > limit.toBytes()) {
                request.setAttribute(TOO_LARGE, Boolean.TRUE);
                ((HttpServletResponse) servletResponse).sendError(HttpStatus.CONTENT_TOO_LARGE.value());
                return;
            }
            if (request.getDispatcherType() == DispatcherType.ERROR && request.getAttribute(TOO_LARGE) != null) {
                chain.doFilter(new WithoutBody(request), servletResponse);
                return;
            }
            chain.doFilter(servletRequest, servletResponse);
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** The refused request as the error page sees it: no body, no parameters, no parts. */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
