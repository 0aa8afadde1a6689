package org.openvmi.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.openvmi.shared.FieldErrors.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem+json responses in the shape of docs/api.md. */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail) {
        return of(status, detail, List.of());
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message()))
                    .toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
