package dk.tvaers.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET handler whose page, for a visitor who is not signed in, depends on nothing but its URL (path and query)
 * and the language: it reads and never writes, shows no flash message, counts no view and writes no audit entry for
 * anonymous visitors. {@link VisitorPageCache} may then serve such a visitor the page drawn for another one a few
 * seconds ago (ADR 0054). A page that draws a form posting back (and so a CSRF token), sets a cookie or opens a session
 * while it is drawn is never kept, whatever this annotation says; signed-in users always get a page of their own.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SameForAnonymousVisitors {
}
