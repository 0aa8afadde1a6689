package org.openvmi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document describes what the API controllers do, in the terms generated clients need
 * (issue 20): security on every operation, stable unique operationIds, one schema per type, real status codes,
 * problem+json errors, binary files, free-form audit values, nulls, descriptions.
 */
@H2Test
class OpenApiContractTest {

    private static final Pattern STATUS_IN_BODY = Pattern.compile(
            "ResponseEntity\\.(created|accepted|noContent)\\(|status\\((?:org\\.springframework\\.http\\.)?(?:HttpStatus\\.)?(\\w+)\\)");
    private static final Map<String, String> STATUS_CODES = Map.of(
            "created",
            "201",
            "CREATED",
            "201",
            "201",
            "201",
            "accepted",
            "202",
            "ACCEPTED",
            "202",
            "noContent",
            "204",
            "NO_CONTENT",
            "204");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    JsonNode doc;

    @BeforeEach
    void document() throws Exception {
        doc = JsonMapper.builder()
                .build()
                .readTree(mvc.perform(get("/v3/api-docs"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void every_operation_accepts_http_basic_or_the_api_key_header() {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("basicAuth").path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path("apiKey").path("type").asString()).isEqualTo("apiKey");
        assertThat(schemes.path("apiKey").path("in").asString()).isEqualTo("header");
        assertThat(schemes.path("apiKey").path("name").asString()).isEqualTo("X-API-Key");
        assertThat(doc.path("security").toString()).contains("basicAuth").contains("apiKey");
        operations()
                .forEach((key, op) -> assertThat(
                                !op.has("security") || !op.path("security").isEmpty())
                        .as(key + " must not opt out of security")
                        .isTrue());
    }

    @Test
    void operation_ids_are_unique_and_named_after_the_operation_without_numbered_suffixes() {
        Map<String, String> seen = new HashMap<>();
        operations().forEach((key, op) -> {
            String id = op.path("operationId").asString();
            assertThat(id).as(key).matches("[a-z][A-Za-z]+").doesNotContainPattern("_\\d");
            assertThat(seen.put(id, key)).as("operationId " + id + " of " + key).isNull();
            assertThat(op.path("description").asString())
                    .as("description of " + key)
                    .isNotBlank();
        });
        assertThat(operations()).hasSizeGreaterThan(150);
        assertThat(operation("get", "/api/v1/items").path("operationId").asString())
                .isEqualTo("listItems");
        assertThat(operation("post", "/api/v1/movements").path("operationId").asString())
                .isEqualTo("postMovements");
        assertThat(operation("post", "/api/v1/requisitions/{id}/approve")
                        .path("operationId")
                        .asString())
                .isEqualTo("approveRequisition");
    }

    @Test
    void no_two_types_of_the_api_share_a_schema_and_each_schema_has_its_records_fields() {
        EnclosingTypeNameResolver names = new EnclosingTypeNameResolver();
        Map<String, Class<?>> byName = new TreeMap<>();
        for (Class<?> type : apiTypes()) {
            Schema named = type.getAnnotation(Schema.class);
            String name = named != null && !named.name().isEmpty() ? named.name() : names.schemaName(type);
            Class<?> other = byName.put(name, type);
            assertThat(other == null || other == type)
                    .as(name + " names both " + other + " and " + type)
                    .isTrue();
            JsonNode schema = doc.path("components").path("schemas").path(name);
            if (type.isRecord() && !schema.isMissingNode()) {
                Set<String> properties = new TreeSet<>(schema.path("properties").propertyNames());
                for (RecordComponent c : type.getRecordComponents()) {
                    if (!c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                        assertThat(properties)
                                .as("schema " + name + " of " + type.getName())
                                .contains(c.getName());
                    }
                }
            }
        }
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.path("RequisitionRequestLine").path("properties").has("qty"))
                .isTrue();
        assertThat(schemas.path("Decision").path("properties").has("comment")).isTrue();
        assertThat(schemas.path("Decision").path("properties").has("to")).isTrue();
        assertThat(schemas.has("Line")).isFalse();
    }

    @Test
    void every_status_a_controller_answers_is_documented_with_location_on_201_and_problems_for_errors()
            throws Exception {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            for (String path : e.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    String key = method + " " + path;
                    JsonNode responses = operation(method.name().toLowerCase(Locale.ROOT), path)
                            .path("responses");
                    assertThat(responses.isMissingNode())
                            .as(key + " is not documented")
                            .isFalse();
                    String answered = answeredStatus(e.getValue());
                    assertThat(responses.has(answered))
                            .as(key + " answers " + answered + ", documented " + responses.propertyNames())
                            .isTrue();
                    if (answered.equals("201")) {
                        assertThat(responses.path("201").path("headers").has("Location"))
                                .as(key)
                                .isTrue();
                    }
                    for (String status : List.of("401", "403")) {
                        assertThat(responses
                                        .path(status)
                                        .path("content")
                                        .path("application/problem+json")
                                        .path("schema")
                                        .path("$ref")
                                        .asString())
                                .as(key + " " + status)
                                .isEqualTo("#/components/schemas/Problem");
                    }
                    if (!method.name().equals("GET")) {
                        assertThat(responses.has("422"))
                                .as(key + " documents 422")
                                .isTrue();
                    }
                    if (path.contains("{")) {
                        assertThat(responses.has("404"))
                                .as(key + " documents 404")
                                .isTrue();
                    }
                }
            }
        }
        JsonNode problem =
                doc.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "errors");
    }

    @Test
    void files_are_binary_in_their_media_types_and_json_is_not_declared_as_anything() {
        JsonNode settlement = operation("get", "/api/v1/settlements/{id}/export")
                .path("responses")
                .path("200")
                .path("content");
        assertThat(settlement.propertyNames())
                .containsExactly("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        for (String path :
                List.of("/api/v1/exports/{entity}", "/api/v1/invoices/export", "/api/v1/supplier-stock/template")) {
            JsonNode content =
                    operation("get", path).path("responses").path("200").path("content");
            assertThat(content.propertyNames())
                    .as(path)
                    .containsExactlyInAnyOrder(
                            "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            content.forEach(m -> assertThat(m.path("schema").path("format").asString())
                    .as(path)
                    .isEqualTo("binary"));
        }
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))
                    && ResolvableType.forMethodReturnType(handler.getMethod())
                            .toString()
                            .contains("byte[]")) {
                assertThat(handler.hasMethodAnnotation(Download.class))
                        .as(handler + " answers a file: @Download")
                        .isTrue();
            }
        });
        assertThat(doc.toString()).doesNotContain("\"*/*\"");
    }

    @Test
    void audit_values_are_free_json_objects_and_fields_the_server_sends_as_null_are_nullable() {
        JsonNode schemas = doc.path("components").path("schemas");
        JsonNode entry = schemas.path("AuditEntry").path("properties");
        for (String field : List.of("before", "after")) {
            assertThat(entry.path(field).path("type").asString()).isEqualTo("object");
            assertThat(entry.path(field).path("additionalProperties").asBoolean())
                    .isTrue();
            assertThat(entry.path(field).path("nullable").asBoolean()).isTrue();
        }
        assertThat(doc.toString()).doesNotContain("nodeType");
        JsonNode stock = schemas.path("StockView").path("properties");
        assertThat(stock.path("lot").path("nullable").asBoolean())
                .as("lot is null for stock without lots")
                .isTrue();
        assertThat(schemas.path("ItemView")
                        .path("properties")
                        .path("category")
                        .path("nullable")
                        .asBoolean())
                .isTrue();
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> all = new TreeMap<>();
        doc.path("paths")
                .properties()
                .forEach(p -> p.getValue()
                        .properties()
                        .forEach(m -> all.put(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), m.getValue())));
        return all;
    }

    private JsonNode operation(String method, String path) {
        return doc.path("paths").path(path).path(method);
    }

    /** The status the method's source answers on success: 201/202/204 when it says so, else 200. */
    private String answeredStatus(HandlerMethod handler) throws Exception {
        Class<?> type = handler.getBeanType();
        Path source = Path.of(
                System.getProperty("basedir", "."),
                "src",
                "main",
                "java",
                type.getName().replace('.', '/') + ".java");
        String code = Files.readString(source, StandardCharsets.UTF_8);
        // the method's declaration whose annotations (the lines above it) name its HTTP method, for overloads
        String verb = mappingVerb(handler);
        Matcher start =
                Pattern.compile("\\s" + handler.getMethod().getName() + "\\(").matcher(code);
        boolean found = false;
        while (!found && start.find()) {
            String above = code.substring(code.lastIndexOf("\n\n", start.start()), start.start());
            found = above.contains("@" + verb + "Mapping")
                    || above.contains("RequestMethod." + verb.toUpperCase(Locale.ROOT));
        }
        assertThat(found).as(handler.toString()).isTrue();
        int end = code.indexOf("\n    }", start.end());
        Matcher status = STATUS_IN_BODY.matcher(code.substring(start.end(), end));
        while (status.find()) {
            String word = status.group(1) != null ? status.group(1) : status.group(2);
            if (STATUS_CODES.containsKey(word)) {
                return STATUS_CODES.get(word);
            }
        }
        return "200";
    }

    private String mappingVerb(HandlerMethod handler) {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getMethod().equals(handler.getMethod()))
                .findFirst()
                .map(e -> e.getKey()
                        .getMethodsCondition()
                        .getMethods()
                        .iterator()
                        .next()
                        .name())
                .map(m -> m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT))
                .orElseThrow();
    }

    /** The classes the API reads and writes: handler return types and request bodies, and what they hold. */
    private Set<Class<?>> apiTypes() {
        Set<Class<?>> found = new HashSet<>();
        List<ResolvableType> todo = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))) {
                todo.add(ResolvableType.forMethodReturnType(handler.getMethod()));
                for (var p : handler.getMethodParameters()) {
                    if (p.hasParameterAnnotation(RequestBody.class)) {
                        todo.add(ResolvableType.forMethodParameter(p));
                    }
                }
            }
        });
        while (!todo.isEmpty()) {
            ResolvableType t = todo.remove(todo.size() - 1);
            for (ResolvableType g : t.getGenerics()) {
                todo.add(g);
            }
            if (t.isArray()) {
                todo.add(t.getComponentType());
            }
            Class<?> raw = t.resolve();
            if (raw == null || raw.isEnum() || !raw.getName().startsWith("org.openvmi.") || !found.add(raw)) {
                continue;
            }
            if (raw.isRecord()) {
                for (RecordComponent c : raw.getRecordComponents()) {
                    todo.add(ResolvableType.forType(c.getGenericType()));
                }
            } else {
                for (Field f : raw.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        todo.add(ResolvableType.forField(f));
                    }
                }
            }
        }
        return found;
    }
}
