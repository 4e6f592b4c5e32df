package eu.vigil.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversize bodies before anything reads them: forms and JSON up to
 * {@code vigil.limits.body} (2 MB), uploads (multipart) up to {@code vigil.limits.upload} (64 MB).
 * Bodies without a declared length are capped by the container and by Spring's multipart limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit extends OncePerRequestFilter {

    private final long bodyLimit;
    private final long uploadLimit;

    BodySizeLimit(@Value("${vigil.limits.body:2097152}") long bodyLimit,
                  @Value("${vigil.limits.upload:67108864}") long uploadLimit) {
        this.bodyLimit = bodyLimit;
        this.uploadLimit = uploadLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        long limit = upload ? uploadLimit : bodyLimit;
        if (length > limit) {
            String detail = "The request body has " + length + " bytes; at most " + limit + " are accepted here.";
            if (ProblemResponses.wantsProblem(request)) {
                ProblemResponses.write(response, 413, "Request too large", detail, request.getRequestURI());
            } else {
                ProblemResponses.writePage(response, 413, "Request too large", detail);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
