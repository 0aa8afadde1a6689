package org.openvmi.shared.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * The rules every API operation follows in the OpenAPI document, so they need not be annotated on 160 methods:
 * an operationId named after the operation ({@link OperationIds}), a description, {@code Location} on 201,
 * files as binary in their media types ({@link Download}), and the problem+json answers it can give.
 */
final class ApiOperations implements OperationCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        if (onMethod == null) {
            return operation;
        }
        String path = path(handler, onMethod);
        io.swagger.v3.oas.annotations.Operation declared =
                handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(OperationIds.of(handler.getMethod().getName(), path));
        }
        if (operation.getDescription() == null || operation.getDescription().isBlank()) {
            operation.setDescription(
                    operation.getSummary() != null
                            ? operation.getSummary()
                            : OperationIds.sentence(operation.getOperationId()));
        }
        ApiResponses responses = operation.getResponses();
        ApiResponse created = responses.get("201");
        if (created != null) {
            created.addHeaderObject(
                    "Location",
                    new Header()
                            .description("The URL of the created resource")
                            .schema(new StringSchema().format("uri")));
        }
        Download download = handler.getMethodAnnotation(Download.class);
        if (download != null) {
            Content files = new Content();
            Arrays.stream(download.value())
                    .forEach(f -> files.addMediaType(
                            f.contentType().replaceAll(";.*", ""),
                            new MediaType().schema(new StringSchema().format("binary"))));
            responses.get("200").content(files).description("The file");
        }
        boolean write = onMethod.method().length > 0 && onMethod.method()[0] != RequestMethod.GET;
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (hasInput) {
            problem(responses, "400", "Malformed request or invalid fields (`errors` names each field)");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "415", "The request's Content-Type is not one this operation reads");
            if (operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
                problem(responses, "413", "The upload is larger than the configured limit");
            }
        }
        problem(responses, "401", "No or wrong credentials (HTTP Basic or X-API-Key)");
        problem(responses, "403", "The caller's role or party may not do this");
        if (path.contains("{") || write || hasInput) {
            // also for what a body or a filter names (the purchase order of a receipt, the supplier of a stock list)
            problem(responses, "404", "No such resource (named in the path, body or a filter), or not visible to you");
        }
        if (write) {
            problem(responses, "409", "Conflict: stale version, insufficient stock, duplicate code");
            problem(responses, "422", "A business rule refused the request; nothing was changed");
        }
        return operation;
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(
                    status,
                    new ApiResponse()
                            .description(description)
                            .content(new Content()
                                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
        }
    }

    private static String path(HandlerMethod handler, RequestMapping onMethod) {
        RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        String prefix = onType == null || onType.path().length == 0 ? "" : onType.path()[0];
        return prefix + (onMethod.path().length == 0 ? "" : onMethod.path()[0]);
    }
}
