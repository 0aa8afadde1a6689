package org.openvmi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The item endpoints of api.md, run on H2 and on PostgreSQL by its subclasses. */
abstract class ItemApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    private String itemJson(String code, String name) {
        return """
                {"code":"%s","name":"%s","uom":"PCS","category":"bearings","unitCost":"3.20","barcodes":["%s"]}""".formatted(code, name, "69" + Math.abs(code.hashCode()));
    }

    private long itemRows() {
        return jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
    }

    private long auditRows() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
    }

    @Test
    void a_buyer_creates_reads_updates_and_deletes_an_item_with_chinese_text() throws Exception {
        String code = Fixtures.unique("BRG");
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(itemJson(code, "深沟球轴承 6204")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/items/" + code))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.unitCost").value(3.2))
                .andExpect(jsonPath("$.id").isNumber());

        mvc.perform(get("/api/v1/items/" + code).with(as(Role.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("深沟球轴承 6204"));

        mvc.perform(get("/api/v1/items").param("q", code.toLowerCase()).with(as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].code").value(code))
                .andExpect(jsonPath("$.size").value(50));

        mvc.perform(put("/api/v1/items/" + code)
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"轴承 6204-2RS\",\"uom\":\"PCS\",\"unitCost\":4}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("轴承 6204-2RS"))
                .andExpect(jsonPath("$.barcodes").isEmpty())
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(delete("/api/v1/items/" + code).with(as(Role.BUYER))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/items/" + code).with(as(Role.BUYER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity = 'item' AND entity_key = :k ORDER BY id")
                        .param("k", code)
                        .query(String.class)
                        .list())
                .containsExactly("CREATE", "UPDATE", "DELETE");
    }

    @Test
    void a_duplicate_code_is_409_and_changes_nothing() throws Exception {
        String code = Fixtures.unique("DUP");
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(itemJson(code, "first")))
                .andExpect(status().isCreated());
        long items = itemRows();
        long audits = auditRows();

        mvc.perform(post("/api/v1/items")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(itemJson(code, "second").replace("\"69", "\"70")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].code").value("duplicate"))
                .andExpect(jsonPath("$.detail", containsString(code)));

        assertThat(itemRows()).isEqualTo(items);
        assertThat(auditRows()).isEqualTo(audits);
        mvc.perform(get("/api/v1/items/" + code).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.name").value("first"));
    }

    @Test
    void a_missing_field_is_400_naming_the_field_and_changes_nothing() throws Exception {
        long items = itemRows();
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + Fixtures.unique("X") + "\",\"uom\":\"PCS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].code", hasItem("required")));
        assertThat(itemRows()).isEqualTo(items);
    }

    @Test
    void a_malformed_number_is_400_naming_the_field() throws Exception {
        long items = itemRows();
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + Fixtures.unique("X")
                                + "\",\"name\":\"n\",\"uom\":\"PCS\",\"unitCost\":\"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCost"));
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"has space\",\"name\":\"n\",\"uom\":\"PCS\",\"unitCost\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("unitCost")));
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest());
        assertThat(itemRows()).isEqualTo(items);
    }

    @Test
    void a_barcode_of_another_item_is_409() throws Exception {
        String a = Fixtures.unique("BCA");
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + a + "\",\"name\":\"a\",\"uom\":\"PCS\",\"barcodes\":[\"" + a
                                + "-BC\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + Fixtures.unique("BCB")
                                + "\",\"name\":\"b\",\"uom\":\"PCS\",\"barcodes\":[\"" + a + "-BC\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("barcodes"));
    }

    @Test
    void a_stale_version_is_409() throws Exception {
        String code = Fixtures.unique("VER");
        mvc.perform(post("/api/v1/items")
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(itemJson(code, "v0")))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/v1/items/" + code)
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"v1\",\"uom\":\"PCS\",\"version\":0}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/items/" + code)
                        .with(as(Role.BUYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"v2\",\"uom\":\"PCS\",\"version\":0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("version"))
                .andExpect(jsonPath("$.errors[0].code").value("stale"));
        mvc.perform(get("/api/v1/items/" + code).with(as(Role.BUYER)))
                .andExpect(jsonPath("$.name").value("v1"));
    }

    @Test
    void paging_is_bounded_by_the_contract() throws Exception {
        mvc.perform(get("/api/v1/items").param("size", "1001").with(as(Role.VIEWER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }
}
