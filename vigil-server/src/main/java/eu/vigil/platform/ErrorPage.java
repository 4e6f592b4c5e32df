package eu.vigil.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Errors that happen outside a controller (security, filters, the container): same page, same problem format. */
@Controller
class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    @PublicEndpoint("shows the error of the request that failed")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case NOT_FOUND -> "The page you asked for does not exist.";
            case FORBIDDEN -> "You are not allowed to do this. If you submitted a form, reload the page and try again.";
            case UNAUTHORIZED -> "Please sign in.";
            case BAD_REQUEST -> "The request was not understood.";
            case CONTENT_TOO_LARGE -> "The request is larger than Vigil accepts.";
            default -> "Vigil could not complete the request. Nothing was changed.";
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ErrorResponses.respondFor(request, uri == null ? request.getRequestURI() : uri.toString(), status,
                status.getReasonPhrase(), detail);
    }
}
