package eu.vigil.vulndb.web;

import java.net.URI;
import java.util.Map;

import eu.vigil.vulndb.internal.InvalidImport;
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

/** A refused import is 400 naming the field: problem+json for the API, the error page for browsers. */
@ControllerAdvice(basePackageClasses = VulnDbErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class VulnDbErrors {

    @ExceptionHandler(InvalidImport.class)
    Object invalid(InvalidImport e, HttpServletRequest request) {
        String detail = e.field() + ": " + e.getMessage();
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            problem.setTitle("Invalid import");
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("field", e.field());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", 400, "title", "Invalid import", "detail", detail));
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
