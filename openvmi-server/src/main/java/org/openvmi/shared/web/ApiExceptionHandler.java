package org.openvmi.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.FieldErrors.FieldError;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Maps exceptions of requests under /api to problem+json. Requests of the UI are left to Spring Boot's error
 * page: for them the exception is thrown again.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Pattern REJECTED_HEADER = Pattern.compile("header: \"([^\"]+)\"");

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return ApiProblems.of(HttpStatus.BAD_REQUEST, "The request has invalid fields: " + e.getMessage(), e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> notValid(MethodArgumentNotValidException e, HttpServletRequest request)
            throws Exception {
        apiOnly(request, e);
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(fe -> errors.add(new FieldError(fe.getField(), fe.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(ge -> errors.add(new FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        return ApiProblems.of(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException e, HttpServletRequest request)
            throws Exception {
        apiOnly(request, e);
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(err -> errors.add(
                                new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return ApiProblems.of(HttpStatus.BAD_REQUEST, "The request has invalid parameters", errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request)
            throws Exception {
        apiOnly(request, e);
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return ApiProblems.of(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request)
            throws Exception {
        apiOnly(request, e);
        if (e.getCause() instanceof JacksonException db && !db.getPath().isEmpty()) {
            // binding errors and the parser's own limits (a number of over 1000 digits: named down to its line) alike
            String field = jsonPath(db);
            if (db instanceof JsonNumbers.OutOfRange) {
                return ApiProblems.of(
                        HttpStatus.BAD_REQUEST,
                        "The request has invalid fields: " + field + ": " + db.getOriginalMessage(),
                        List.of(new FieldError(field, db.getOriginalMessage())));
            }
            return ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    "Malformed value for field '" + field + "'",
                    List.of(new FieldError(field, "malformed value: " + db.getOriginalMessage())));
        }
        return ApiProblems.of(
                HttpStatus.BAD_REQUEST, "Malformed request body: it is not valid JSON of the expected shape");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request)
            throws Exception {
        apiOnly(request, e);
        Class<?> element = ResolvableType.forMethodParameter(e.getParameter()).resolveGeneric(0);
        Class<?> target = element != null && element.isEnum() ? element : e.getRequiredType();
        if (target != null && target.isEnum()) {
            // a typed enum filter (?type=, ?status=): say which values there are
            List<String> allowed = Arrays.stream(target.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            return ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    "Unknown value of parameter '" + e.getName() + "'",
                    List.of(new FieldError(e.getName(), AllowedValues.message(e.getValue(), allowed))));
        }
        return ApiProblems.of(
                HttpStatus.BAD_REQUEST,
                "Malformed parameter '" + e.getName() + "'",
                List.of(new FieldError(e.getName(), "malformed value '" + e.getValue() + "'")));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> missingParam(Exception e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        String name = e instanceof MissingServletRequestParameterException m
                ? m.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return ApiProblems.of(
                HttpStatus.BAD_REQUEST,
                "Missing parameter '" + name + "'",
                List.of(new FieldError(name, "is required")));
    }

    /**
     * Spring Security's firewall refuses a header value with control characters when the controller reads it (e.g.
     * an {@code Idempotency-Key} with a tab): a bad request naming the header, not a 500.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        Matcher header = REJECTED_HEADER.matcher(String.valueOf(e.getMessage()));
        if (header.find()) {
            String name = header.group(1).trim();
            return ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    "Header '" + name + "' has characters that are not allowed",
                    List.of(new FieldError(
                            name, "only printable ASCII characters (no control or non-ASCII characters)")));
        }
        return ApiProblems.of(HttpStatus.BAD_REQUEST, "The request has characters that are not allowed");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return ApiProblems.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return ApiProblems.of(
                HttpStatus.NOT_FOUND, "No endpoint " + request.getMethod() + " " + request.getRequestURI());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        List<FieldError> errors = e.field() == null ? List.of() : List.of(FormErrors.problem(e));
        return ApiProblems.of(HttpStatus.CONFLICT, e.getMessage(), errors);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return ApiProblems.of(HttpStatus.CONFLICT, "A record with the same key already exists");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e, HttpServletRequest request)
            throws Exception {
        apiOnly(request, e);
        return ApiProblems.of(HttpStatus.CONFLICT, "The record was changed by someone else; reload and try again");
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<ProblemDetail> rule(BusinessRuleException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        List<FieldError> errors = e.field() == null ? List.of() : List.of(FormErrors.problem(e));
        return ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), errors);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws Exception {
        apiOnly(request, e);
        return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the configured limit");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        if (UploadLimits.exceeded(e)) {
            return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the configured limit");
        }
        return ApiProblems.of(HttpStatus.BAD_REQUEST, "Malformed multipart request: " + e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        apiOnly(request, e);
        return ApiProblems.of(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws Exception {
        apiOnly(request, e);
        return ApiProblems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        return ApiProblems.of(HttpStatus.FORBIDDEN, "You are not allowed to do this");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        apiOnly(request, e);
        if (UploadLimits.exceeded(e)) {
            return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the configured limit");
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; it has been logged");
    }

    private static void apiOnly(HttpServletRequest request, Exception e) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
