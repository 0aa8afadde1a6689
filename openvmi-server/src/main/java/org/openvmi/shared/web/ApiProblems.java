package org.openvmi.shared.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.shared.FieldErrors.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem+json responses in the shape of docs/api.md. */
public final class ApiProblems {

    private ApiProblems() {}

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail) {
        return of(status, detail, List.of());
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors", errors.stream().map(ApiProblems::fieldError).toList());
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** {@code {field, message, code}}: the code only when the refusal has one (see {@link #code}). */
    private static Map<String, Object> fieldError(FieldError e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("field", e.field());
        out.put("message", e.message());
        String code = code(e);
        if (code != null) {
            out.put("code", code);
        }
        return out;
    }

    /**
     * The stable code of a refused field: the one given where the refusal was raised, else the one of its phrasing
     * where {@link DomainMessageCodes} knows it (so Bean Validation's "must not be null" is {@code required} too).
     */
    static String code(FieldError e) {
        if (e.code() != null) {
            return e.code();
        }
        String known = DomainMessageCodes.of(e.message()).code();
        return known.startsWith(DOMAIN) ? known.substring(DOMAIN.length()) : null;
    }

    private static final String DOMAIN = "domain.";
}
