package org.openvmi.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openvmi.integration.model.WebhookEventTypes;
import org.yaml.snakeyaml.Yaml;

/**
 * Every event type is documented: a JSON Schema of its data under docs/events/schemas, a channel and a message in
 * docs/events/asyncapi.yaml, and a value of the envelope's type enum; and nothing is documented that is not an event
 * type. The schemas themselves are checked to reject what they should.
 */
class EventSchemasTest {

    @Test
    void every_event_type_has_its_schema_and_its_asyncapi_channel_and_nothing_else_is_documented() throws IOException {
        Set<String> types = new TreeSet<>(WebhookEventTypes.ALL);
        Set<String> schemas;
        try (Stream<java.nio.file.Path> files = Files.list(EventSchemas.DIR.resolve("schemas"))) {
            schemas = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".v1.json") && !n.startsWith("envelope."))
                    .map(n -> n.substring(0, n.length() - ".v1.json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(schemas).isEqualTo(types);

        Map<String, Object> doc = new Yaml().load(Files.readString(EventSchemas.DIR.resolve("asyncapi.yaml")));
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
        Set<String> addresses = channels.values().stream()
                .map(c -> (String) c.get("address"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(addresses).as("channel addresses (routing keys)").isEqualTo(types);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> messages =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("components")).get("messages");
        Set<String> names = messages.values().stream()
                .map(m -> (String) m.get("name"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(names).isEqualTo(types);
        String yaml = Files.readString(EventSchemas.DIR.resolve("asyncapi.yaml"));
        for (String t : types) {
            assertThat(yaml).contains("$ref: 'schemas/" + t + ".v1.json'");
        }

        String envelope = Files.readString(EventSchemas.schemaFile("envelope"));
        for (String t : types) {
            assertThat(envelope).as("envelope type enum").contains("\"" + t + "\"");
        }
        assertThat(WebhookEventTypes.SUPPLIER_OWNED).isSubsetOf(WebhookEventTypes.ALL);
    }

    @Test
    void the_schemas_reject_an_unknown_type_a_missing_id_and_an_undocumented_field() {
        String good = """
                {"id":"0b7c1c1e-2f51-4a53-9a38-4b9f0d0f4e11","type":"channel.paused","version":1,
                 "occurredAt":"2026-12-06T10:00:00Z","key":"TMALL:B-1","supplier":null,"event":"channel.paused",
                 "data":{"channel":"TMALL","item":"B-1","poolFree":3,"threshold":5,"status":"PAUSED"}}""";
        assertThat(EventSchemas.problems(good)).isEmpty();
        assertThat(EventSchemas.problems(good.replace("\"type\":\"channel.paused\"", "\"type\":\"order.shipped\"")))
                .isNotEmpty();
        assertThat(EventSchemas.problems(good.replace("\"id\":\"0b7c1c1e-2f51-4a53-9a38-4b9f0d0f4e11\",", "")))
                .isNotEmpty();
        assertThat(EventSchemas.problems(good.replace("\"threshold\":5", "\"threshold\":5,\"secret\":1")))
                .isNotEmpty();
        assertThat(EventSchemas.problems(good.replace("\"poolFree\":3", "\"poolFree\":\"3\"")))
                .isNotEmpty();
        assertThat(List.of(good)).hasSize(1);
    }
}
