package eu.vigil.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that anyone may call without signing in (login, activation, public reports).
 * Every other handler declares its roles with {@code @PreAuthorize}; an architecture test checks
 * that each handler says one or the other.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {

    /** Why this is open to everyone. */
    String value();
}
