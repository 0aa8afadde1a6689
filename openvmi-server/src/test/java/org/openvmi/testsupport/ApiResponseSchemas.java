package org.openvmi.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;

/**
 * Checks every response of {@code /api/v1/**} that a MockMvc test receives against the committed OpenAPI document
 * ({@code docs/openapi/openvmi.json}, the one clients are generated from): the status must be documented for the
 * operation, the content type must be one of that status' media types, headers it declares required must be there,
 * and a JSON body must match the schema (types, formats, required fields, nullability). A mismatch fails the test
 * that made the request. Registered for every {@code @AutoConfigureMockMvc} test by
 * {@link ApiResponseSchemasConfiguration}; the document is parsed once per JVM.
 */
public final class ApiResponseSchemas implements ResultHandler {

    static final String API = "/api/v1/";

    private static final class Document {
        static final OpenApiInteractionValidator VALIDATOR = load();

        private static OpenApiInteractionValidator load() {
            Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
            Path snapshot =
                    module.getParent().resolve("docs").resolve("openapi").resolve("openvmi.json");
            if (!Files.isRegularFile(snapshot)) {
                throw new IllegalStateException(snapshot + " is missing: the API's responses cannot be checked");
            }
            OpenAPI api = new OpenAPIV3Parser().read(snapshot.toString());
            @SuppressWarnings("rawtypes")
            Map<String, Schema> components = api.getComponents().getSchemas();
            for (Schema<?> schema : components.values()) {
                if (schema.getProperties() != null) {
                    schema.getProperties().replaceAll((name, property) -> nullableReference(property, components));
                }
            }
            return OpenApiInteractionValidator.createFor(api).build();
        }

        /**
         * A nullable reference is written {@code {"allOf": [{"$ref": …}], "nullable": true}} in OpenAPI 3.0 (the
         * siblings of a {@code $ref} are ignored; generators read this form). The validator applies
         * {@code nullable} only beside a {@code type}, so the check gets the referenced object inline, nullable:
         * the same fields, types and required members, and null allowed.
         */
        @SuppressWarnings("rawtypes")
        private static Schema nullableReference(Schema property, Map<String, Schema> components) {
            List<Schema> allOf = property.getAllOf();
            if (!Boolean.TRUE.equals(property.getNullable())
                    || allOf == null
                    || allOf.size() != 1
                    || allOf.get(0).get$ref() == null) {
                return property;
            }
            String ref = allOf.get(0).get$ref();
            Schema<?> target = components.get(ref.substring(ref.lastIndexOf('/') + 1));
            Schema<Object> inline = new Schema<>();
            inline.setType(target.getType());
            inline.setProperties(target.getProperties());
            inline.setRequired(target.getRequired());
            inline.setAdditionalProperties(target.getAdditionalProperties());
            inline.setNullable(true);
            return inline;
        }
    }

    @Override
    public void handle(MvcResult result) {
        check(result.getRequest(), result.getResponse());
    }

    void check(MockHttpServletRequest request, MockHttpServletResponse response) {
        String path = request.getRequestURI();
        if (!path.startsWith(API)) {
            return;
        }
        ValidationReport report = Document.VALIDATOR.validateResponse(path, method(request), response(response));
        if (report.hasErrors()) {
            throw new AssertionError("The response to " + request.getMethod() + " " + path + " ("
                    + response.getStatus() + ") does not match docs/openapi/openvmi.json:\n"
                    + describe(report) + "\nbody: " + abbreviate(response));
        }
    }

    private static Request.Method method(MockHttpServletRequest request) {
        return Request.Method.valueOf(request.getMethod().toUpperCase());
    }

    private static SimpleResponse response(MockHttpServletResponse response) {
        SimpleResponse.Builder builder =
                SimpleResponse.Builder.status(response.getStatus()).withBody(response.getContentAsByteArray());
        Collection<String> names = response.getHeaderNames();
        for (String name : names) {
            builder.withHeader(name, response.getHeaders(name));
        }
        return builder.build();
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "  - [" + message.getKey() + "] " + message.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(MockHttpServletResponse response) {
        String body;
        try {
            body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            body = "(" + response.getContentAsByteArray().length + " bytes)";
        }
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
