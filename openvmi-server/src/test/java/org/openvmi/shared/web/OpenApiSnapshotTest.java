package org.openvmi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed document {@code docs/openapi/openvmi.json} (from which openvmi-client-tests generates its client)
 * is the one the server serves: when the API changes, the build fails until the snapshot is regenerated.
 */
@H2Test
class OpenApiSnapshotTest {

    static final String REGENERATE = "./mvnw -B -ntp -pl openvmi-server -am test -Dtest=OpenApiSnapshotTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.snapshot.update=true";

    @Autowired
    MockMvc mvc;

    @Test
    void the_committed_openapi_snapshot_is_the_document_the_server_serves() throws Exception {
        ObjectMapper json = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        String served =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode live = json.readTree(served);
        // the server URL is the test request's, not part of the contract
        ((tools.jackson.databind.node.ObjectNode) live).remove("servers");
        String pretty = json.writeValueAsString(json.treeToValue(live, Object.class)) + "\n";
        Path snapshot = snapshot();
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, pretty, StandardCharsets.UTF_8);
        }
        assertThat(Files.isRegularFile(snapshot))
                .as(snapshot + " is missing: regenerate with " + REGENERATE)
                .isTrue();
        JsonNode committed = json.readTree(Files.readString(snapshot, StandardCharsets.UTF_8));
        assertThat(committed)
                .as("docs/openapi/openvmi.json no longer describes the server: regenerate with " + REGENERATE
                        + " and review the diff")
                .isEqualTo(live);
    }

    static Path snapshot() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return module.getParent().resolve("docs").resolve("openapi").resolve("openvmi.json");
    }
}
