package eu.vigil.incidents.web;

import java.net.URI;
import java.util.Map;

import eu.vigil.incidents.internal.InvalidIncidentInput;
import eu.vigil.incidents.internal.ReportFrozen;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.DatabindException;

/**
 * The module's errors at the edge: invalid input is 400 naming the field, a change to a frozen
 * report is 409; problem+json for the API, the error page for browsers. Ordered before the
 * platform's catch-all.
 */
@ControllerAdvice(basePackageClasses = IncidentErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IncidentErrors {

    @ExceptionHandler(InvalidIncidentInput.class)
    Object invalid(InvalidIncidentInput e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid input", e.field() + ": " + e.getMessage(), e.field());
    }

    @ExceptionHandler(ReportFrozen.class)
    Object frozen(ReportFrozen e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "Report frozen", e.getMessage(), null);
    }

    /** Unreadable JSON, naming the field when Jackson knows it (a malformed instant, a word for a number). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = null;
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            field = String.join(".", databind.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex())).toList());
        }
        String detail = field == null ? "The request body is not valid JSON of the expected shape."
                : field + ": the value has the wrong form" + (field.endsWith("At")
                        ? " (times are ISO 8601 instants such as 2026-05-04T10:15:00Z)." : ".");
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid request body", detail, field);
    }

    private static Object respond(HttpServletRequest request, HttpStatus status, String title, String detail, String field) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setInstance(URI.create(path));
            if (field != null) {
                problem.setProperty("field", field);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "title", title, "detail", detail));
        page.setStatus(status);
        return page;
    }
}
