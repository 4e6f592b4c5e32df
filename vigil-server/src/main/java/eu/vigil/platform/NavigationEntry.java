package eu.vigil.platform;

import java.util.Set;

/**
 * One link of the main navigation, contributed by a module as a bean, so the layout lists the
 * modules that exist without knowing them.
 *
 * @param section    the group it belongs to ("Programme", "Products", "Administration" ...)
 * @param label      the link text
 * @param path       where it goes
 * @param authorities who sees it ({@code ROLE_ADMIN} ...); empty: every signed-in user
 * @param order      position within all entries
 */
public record NavigationEntry(String section, String label, String path, Set<String> authorities, int order) {
}
