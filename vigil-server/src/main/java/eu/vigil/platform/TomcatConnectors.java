package eu.vigil.platform;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * HTTPS as the only way in: the server's order of cipher suites is enforced (Tomcat ignores it
 * otherwise), and plain HTTP exists only when {@code vigil.http.port} is set, and then only to
 * redirect to HTTPS.
 */
@Component
class TomcatConnectors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int httpPort;
    private final int httpsPort;
    private volatile Connector redirecting;

    TomcatConnectors(@Value("${vigil.http.port:-1}") int httpPort, @Value("${server.port:8443}") int httpsPort) {
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            for (SSLHostConfig host : connector.findSslHostConfigs()) {
                host.setHonorCipherOrder(true);
            }
        });
        if (httpPort > 0) {
            Connector redirecting = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            this.redirecting = redirecting;
            redirecting.setScheme("http");
            redirecting.setPort(httpPort);
            redirecting.setSecure(false);
            redirecting.setRedirectPort(httpsPort);
            factory.addAdditionalConnectors(redirecting);
            factory.addContextCustomizers(context -> {
                SecurityConstraint confidential = new SecurityConstraint();
                confidential.setUserConstraint("CONFIDENTIAL");
                SecurityCollection everything = new SecurityCollection();
                everything.addPattern("/*");
                confidential.addCollection(everything);
                context.addConstraint(confidential);
            });
        }
    }

    /** With {@code server.port=0} the HTTPS port is known only once the server runs. */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        Connector connector = redirecting;
        if (connector != null) {
            connector.setRedirectPort(event.getWebServer().getPort());
        }
    }
}
