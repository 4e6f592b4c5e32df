package eu.vigil.sbom.web;

import java.net.URI;
import java.util.Map;

import eu.vigil.sbom.internal.InvalidSbomInput;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** The module's errors at the edge: invalid input is 400 naming the field; problem+json for the API. */
@ControllerAdvice(basePackageClasses = SbomErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SbomErrors {

    @ExceptionHandler(InvalidSbomInput.class)
    Object invalid(InvalidSbomInput e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.field());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid request body",
                "The request body is not valid JSON of the expected shape (dates are ISO 8601, such as 2027-12-31).", null);
    }

    @ExceptionHandler(MultipartException.class)
    Object multipart(MultipartException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Invalid upload",
                "Send the SBOM as a multipart/form-data part named 'file'.", "file");
    }

    static Object respond(HttpServletRequest request, HttpStatus status, String title, String detail, String field) {
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
