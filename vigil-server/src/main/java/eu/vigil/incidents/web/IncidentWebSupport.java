package eu.vigil.incidents.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import eu.vigil.incidents.internal.IncidentSettings;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the module's pages the viewer's time zone: the one the browser reported in the
 * {@code vigil_tz} cookie (set by {@code /js/incidents.js}), else the configured default.
 */
@ControllerAdvice(assignableTypes = {IncidentPages.class, ContinuityPages.class})
class IncidentWebSupport {

    static final String ZONE_COOKIE = "vigil_tz";

    private final IncidentSettings settings;
    private final Clock clock;

    IncidentWebSupport(IncidentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @ModelAttribute("times")
    Times times(HttpServletRequest request) {
        return new Times(zone(request, settings.displayZone()), clock.instant());
    }

    /** Whether the viewer may change incidents (the pages hide forms from readers; the handlers check again). */
    @ModelAttribute("writer")
    boolean writer(org.springframework.security.core.Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> java.util.Set.of("ROLE_ADMIN", "ROLE_COMPLIANCE", "ROLE_SECURITY").contains(a.getAuthority()));
    }

    static ZoneId zone(HttpServletRequest request, ZoneId fallback) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (ZONE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() <= 64) {
                    try {
                        return ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                    } catch (DateTimeException | IllegalArgumentException e) {
                        return fallback;
                    }
                }
            }
        }
        return fallback;
    }
}
