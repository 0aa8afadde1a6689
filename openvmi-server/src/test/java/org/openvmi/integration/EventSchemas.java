package org.openvmi.integration;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published event schemas under docs/events (ADR 0062), and validation of an envelope against them. */
public final class EventSchemas {

    static final Path DIR = Path.of("../docs/events");
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventSchemas() {}

    static Path schemaFile(String name) {
        return DIR.resolve("schemas").resolve(name + ".v1.json");
    }

    static Schema schema(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return REGISTRY.getSchema(Files.readString(schemaFile(n)), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What is wrong with an envelope: against the envelope schema, and its data against its type's schema. */
    public static List<String> problems(String envelope) {
        List<String> problems = new ArrayList<>();
        for (Error e : schema("envelope").validate(envelope, InputFormat.JSON)) {
            problems.add("envelope: " + e);
        }
        JsonNode node = JSON.readTree(envelope);
        String type = node.path("type").asString();
        if (!Files.exists(schemaFile(type))) {
            problems.add("no schema for " + type);
            return problems;
        }
        for (Error e : schema(type).validate(JSON.writeValueAsString(node.get("data")), InputFormat.JSON)) {
            problems.add(type + ": " + e);
        }
        return problems;
    }
}
