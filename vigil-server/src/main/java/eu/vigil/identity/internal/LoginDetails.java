package eu.vigil.identity.internal;

import java.io.Serial;
import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

/** What the login form carries besides name and password: the client's address and the one-time code. */
public record LoginDetails(String remoteAddress, String code) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static LoginDetails of(HttpServletRequest request) {
        return new LoginDetails(request.getRemoteAddr(), request.getParameter("code"));
    }
}
