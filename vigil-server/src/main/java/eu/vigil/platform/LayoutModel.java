package eu.vigil.platform;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the navigation the current user may see, grouped by section. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final List<NavigationEntry> entries;
    private final List<HeaderIndicator> indicators;

    LayoutModel(List<NavigationEntry> entries, org.springframework.beans.factory.ObjectProvider<HeaderIndicator> indicators) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
        this.indicators = indicators.orderedStream().toList();
    }

    /** The header's indicators (the notification bell) with the signed-in user's counts. */
    @ModelAttribute("indicators")
    List<HeaderIndicator.Shown> indicators(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return List.of();
        }
        return indicators.stream().map(i -> new HeaderIndicator.Shown(i.label(), i.path(), i.count(authentication))).toList();
    }

    @ModelAttribute("navigation")
    Map<String, List<NavigationEntry>> navigation(Authentication authentication) {
        Map<String, List<NavigationEntry>> sections = new LinkedHashMap<>();
        if (authentication == null || !authentication.isAuthenticated()) {
            return sections;
        }
        var held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        for (NavigationEntry entry : entries) {
            if (entry.authorities().isEmpty() || entry.authorities().stream().anyMatch(held::contains)) {
                sections.computeIfAbsent(entry.section(), s -> new java.util.ArrayList<>()).add(entry);
            }
        }
        return sections;
    }

    /** The path shown, to mark the active menu entry (Thymeleaf 3.1 no longer offers {@code #request}). */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }
}
