package org.openvmi.shared.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The OpenAPI document as a contract that generated clients use unmodified (ADR 0023): HTTP Basic and
 * {@code X-API-Key} on every operation, one schema per type, the problem+json error shape, nulls declared.
 * Regenerate docs/openapi/openvmi.json after a change (see the README).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String API_KEY = "apiKey";

    private static final Set<Class<? extends Annotation>> NOT_NULL = Set.of(
            jakarta.validation.constraints.NotNull.class,
            jakarta.validation.constraints.NotBlank.class,
            jakarta.validation.constraints.NotEmpty.class);

    static {
        // audit before/after: any JSON object, not the members of Jackson's JsonNode class
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, freeJsonObject());
    }

    @Bean
    OpenAPI openVmiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("OpenVMI API").version("v1").description("""
                        Vendor managed inventory and procurement. Authenticate with HTTP Basic (users) or the \
                        `X-API-Key` header (machine clients). Errors are RFC 9457 `application/problem+json`."""))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A user's name and password"))
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description("An API key (POST /api/v1/api-keys shows its secret once)"))
                        .addSchemas(ApiOperations.PROBLEM, problem())
                        .addSchemas(
                                ApiOperations.PROBLEM + "FieldError",
                                new ObjectSchema()
                                        .addProperty(
                                                "row",
                                                new IntegerSchema()
                                                        .format("int32")
                                                        .description(
                                                                "File imports: the refused row (the header is row 1)"))
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())
                                        .addProperty("code", new StringSchema().description("""
                                        A stable code of the refusal where it has one, for clients to act on or \
                                        translate (the message is English and may be reworded): `required`, \
                                        `notNegative`, `positive`, `duplicate`, `stale`, `unknown.item`, \
                                        `unknown.warehouse`, `unknown.location`, `unknown.supplier`, `unknownValue`, \
                                        `atMostChars`, `notANumber`, … Absent when the refusal has none."""))
                                        .required(List.of("field", "message"))))
                .security(
                        List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(API_KEY)));
    }

    /**
     * Replaces swagger's default model resolver by one that names nested records after their enclosing type:
     * springdoc's ModelConverterRegistrar swaps a registered converter of the same class for this bean.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver enclosingTypeNamesModelResolver() {
        return new ModelResolver(Json.mapper(), new EnclosingTypeNameResolver());
    }

    @Bean
    OperationCustomizer apiOperations() {
        return new ApiOperations();
    }

    /** The API writes nulls (default-property-inclusion: always): every reference-typed field may be null. */
    @Bean
    PropertyCustomizer nullableProperties() {
        return (property, type) -> {
            boolean primitive = type.getType() instanceof Class<?> c
                    ? c.isPrimitive()
                    : type.getType() instanceof com.fasterxml.jackson.databind.JavaType j && j.isPrimitive();
            boolean required = type.getCtxAnnotations() != null
                    && java.util.Arrays.stream(type.getCtxAnnotations())
                            .anyMatch(a -> NOT_NULL.contains(a.annotationType()));
            if (primitive || required) {
                return property;
            }
            if (property.get$ref() != null) {
                // OpenAPI 3.0 ignores the siblings of $ref: a nullable reference is an allOf of one
                return new io.swagger.v3.oas.models.media.ComposedSchema()
                        .addAllOfItem(new Schema<>().$ref(property.get$ref()))
                        .nullable(true);
            }
            property.setNullable(true);
            return property;
        };
    }

    /** The elements of a list are never null: an array's items stay a plain reference (see above). */
    @Bean
    OpenApiCustomizer listElementsNotNull() {
        return openApi -> {
            for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
                Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
                for (Schema<?> property : properties.values()) {
                    Schema<?> items = property.getItems();
                    if (items != null
                            && items.getAllOf() != null
                            && items.getAllOf().size() == 1) {
                        property.setItems(
                                new Schema<>().$ref(items.getAllOf().get(0).get$ref()));
                    }
                }
            }
        };
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().format("int32").example(400))
                .addProperty("detail", new StringSchema().nullable(true))
                .addProperty("instance", new StringSchema().format("uri").nullable(true))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .nullable(true)
                                .description("The refused fields")
                                .items(new Schema<>().$ref(ApiOperations.PROBLEM + "FieldError")))
                .addProperty(
                        "imported",
                        new IntegerSchema()
                                .format("int32")
                                .description("File imports: rows imported (0 when the file was refused)"))
                .addProperty(
                        "rejected",
                        new IntegerSchema()
                                .format("int32")
                                .description("File imports: rows refused, each listed in `errors` with its `row`"))
                .addProperty(
                        "unmappedColumns",
                        new ArraySchema()
                                .description(
                                        "Supplier stock uploads: the file's column names the supplier has not told the "
                                                + "meaning of yet (PUT /supplier-stock/columns), with a sample and a guessed column")
                                .items(new ObjectSchema()
                                        .addProperty("header", new StringSchema())
                                        .addProperty("sample", new StringSchema().nullable(true))
                                        .addProperty("guess", new StringSchema().nullable(true))))
                .required(List.of("title", "status"));
    }

    private static Schema<?> freeJsonObject() {
        return new ObjectSchema()
                .additionalProperties(true)
                .nullable(true)
                .description("A JSON object of the row's values (free form)");
    }
}
