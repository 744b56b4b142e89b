package dk.tvaers.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body over the limit ({@code spring.servlet.multipart.max-request-size}, 60 MB) is refused before anything
 * reads it, with HTTP 413 and the Danish page {@code error/413}. Left to Tomcat, the first filter that asks for a
 * parameter (the CSRF check) makes it parse the body, fail, and answer with its own English error page.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSizeLimitFilter(
            @Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize limit) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (request.getContentLengthLong() > limit.toBytes()) {
                    response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
