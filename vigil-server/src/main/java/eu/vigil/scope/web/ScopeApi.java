package eu.vigil.scope.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import eu.vigil.core.nis2.InvalidProfileException;
import eu.vigil.identity.CurrentUser;
import eu.vigil.scope.EntityScope;
import eu.vigil.scope.ScopeSnapshot;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The entity profile and its classification over the API. Documents are those of
 * {@code vigil scope}: the profile file format in, the classification JSON out.
 */
@RestController
@RequestMapping("/api/v1/scope")
class ScopeApi {

    record Version(int version, String legalName, String classification, boolean indirectlyAffected,
                   String changedBy, Instant changedAt) {
    }

    private final EntityScope scope;

    ScopeApi(EntityScope scope) {
        this.scope = scope;
    }

    @GetMapping(value = "/profile", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ScopeController.READ)
    ResponseEntity<String> profile() {
        return json(HttpStatus.OK, scope.json(scope.require().profile()));
    }

    @PutMapping(value = "/profile", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ScopeController.WRITE)
    ResponseEntity<String> save(@RequestBody(required = false) byte[] profile, @AuthenticationPrincipal CurrentUser user) {
        if (profile == null) {
            profile = new byte[0];
        }
        ScopeSnapshot saved = scope.save(profile, user.username());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("X-Vigil-Profile-Version", Integer.toString(saved.version()))
                .body(scope.json(saved.result()));
    }

    @GetMapping(value = "/classification", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ScopeController.READ)
    ResponseEntity<String> classification() {
        return json(HttpStatus.OK, scope.json(scope.require().result()));
    }

    @GetMapping("/history")
    @PreAuthorize(ScopeController.READ)
    List<Version> history() {
        return scope.history().stream().map(s -> new Version(s.version(), s.profile().legalName(),
                s.result().classification().code(), s.result().indirectlyAffected(), s.changedBy(), s.changedAt()))
                .toList();
    }

    /** Every field at fault, named: {@code problems: [{field, problem}]}. */
    @ExceptionHandler(InvalidProfileException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidProfileException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The profile cannot be classified: " + e.problems().size() + " problem(s), each named below.");
        problem.setTitle("Invalid entity profile");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("problems", e.problems());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
