package eu.vigil.psirt.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import eu.vigil.core.csaf.CsafFailure;
import eu.vigil.psirt.internal.AdvisoryInvalid;
import eu.vigil.psirt.internal.InvalidPsirtInput;
import eu.vigil.psirt.internal.TooManyReports;
import eu.vigil.psirt.internal.UnknownCase;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The module's errors at the edge: problem+json on the API, the error page for browsers. */
@ControllerAdvice(basePackageClasses = PsirtErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PsirtErrors {

    @ExceptionHandler(InvalidPsirtInput.class)
    Object invalid(InvalidPsirtInput e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), Map.of("problems", e.problems()));
    }

    @ExceptionHandler(TooManyReports.class)
    Object tooMany(TooManyReports e, HttpServletRequest request) {
        return respond(request, HttpStatus.TOO_MANY_REQUESTS, "Too many reports", e.getMessage(), Map.of());
    }

    @ExceptionHandler(UnknownCase.class)
    Object unknown(UnknownCase e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler(AdvisoryInvalid.class)
    Object advisoryInvalid(AdvisoryInvalid e, HttpServletRequest request) {
        List<Map<String, String>> failures = e.failures().stream().map(PsirtErrors::failure).toList();
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, "Advisory fails CSAF validation", e.getMessage(),
                Map.of("failures", failures));
    }

    static Map<String, String> failure(CsafFailure f) {
        return Map.of("test", f.test(), "path", f.path(), "message", f.message());
    }

    private static Object respond(HttpServletRequest request, HttpStatus status, String title, String detail,
            Map<String, Object> properties) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setInstance(URI.create(path));
            properties.forEach(problem::setProperty);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "title", title, "detail", detail));
        page.setStatus(status);
        return page;
    }
}
