package eu.vigil.platform;

import org.springframework.security.core.Authentication;

/**
 * A count in the page header next to the user menu (the notification bell), contributed by a
 * module as a bean so the layout shows it without knowing the module.
 */
public interface HeaderIndicator {

    /** What is counted, for screen readers and the tooltip: "unread notifications". */
    String label();

    /** Where the indicator leads. */
    String path();

    /** The count for the signed-in user; 0 shows the indicator without a number. */
    long count(Authentication authentication);

    /** An indicator as the layout renders it. */
    record Shown(String label, String path, long count) {
    }
}
