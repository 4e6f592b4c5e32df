package eu.vigil.notifications.web;

import java.net.URI;
import java.util.Map;

import eu.vigil.notifications.internal.InvalidNotificationInput;
import eu.vigil.notifications.internal.UnknownSubscription;
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

/** Invalid input is 400 naming the field, an unknown (or someone else's) record 404; problem+json on the API. */
@ControllerAdvice(basePackageClasses = NotificationErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationErrors {

    @ExceptionHandler(InvalidNotificationInput.class)
    Object invalid(InvalidNotificationInput e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid input", e.field() + ": " + e.getMessage(), e.field());
    }

    @ExceptionHandler(UnknownSubscription.class)
    Object unknown(UnknownSubscription e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
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
