package eu.vigil.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/** The session cookie, stated once: HTTPS only, out of reach of scripts, never sent by other sites. */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

    static final String NAME = "VIGIL_SESSION";

    @Bean
    CookieSerializer sessionCookieSerializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(NAME);
        serializer.setUseSecureCookie(true);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Strict");
        serializer.setCookiePath("/");
        return serializer;
    }
}
