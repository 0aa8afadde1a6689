package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** API keys: created (secret once), used as X-API-Key with the owner's rights, revoked. On H2 and PostgreSQL. */
@Import(CountingPasswordEncoder.Configuration.class)
abstract class ApiKeyApiContract {

    private static final String HEADER = "X-API-Key";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    PasswordEncoder passwordEncoder;

    record Created(long id, String secret) {}

    @BeforeEach
    void fixtures() {
        Fixtures.ensure(jdbc, users);
    }

    private Created createKey(String owner) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/api-keys")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ERP 同步 " + Fixtures.unique("k") + "\",\"username\":\"" + owner + "\"}"))
                .andExpect(status().isCreated())
                .andReturn();
        String body = result.getResponse().getContentAsString();
        return new Created(((Number) JsonPath.read(body, "$.id")).longValue(), JsonPath.read(body, "$.secret"));
    }

    private long auditRows(String action, long keyId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'api-key' AND action = :a AND entity_key = :k")
                .param("a", action)
                .param("k", String.valueOf(keyId))
                .query(Long.class)
                .single();
    }

    private String newItem(String supplierCode) {
        String code = Fixtures.unique("KEY");
        jdbc.sql("INSERT INTO item (code, name, uom) VALUES (:c, :c, 'PCS')")
                .param("c", code)
                .update();
        if (supplierCode != null) {
            jdbc.sql("""
                    INSERT INTO supplier_item (supplier_id, item_id, price, currency, lead_time_days)
                    VALUES ((SELECT id FROM supplier WHERE code = :s), (SELECT id FROM item WHERE code = :i), 1, 'CNY', 7)""").param("s", supplierCode).param("i", code).update();
        }
        return code;
    }

    @Test
    void an_admin_creates_a_key_whose_secret_is_shown_once_and_stored_only_as_a_hash() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/api-keys")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"WMS\",\"username\":\"t-warehouse\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/api-keys/")))
                .andExpect(jsonPath("$.name").value("WMS"))
                .andExpect(jsonPath("$.username").value("t-warehouse"))
                .andExpect(jsonPath("$.createdBy").value("t-admin"))
                .andExpect(jsonPath("$.createdAt", notNullValue()))
                .andExpect(jsonPath("$.revokedAt").isEmpty())
                .andReturn();
        String body = result.getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String secret = JsonPath.read(body, "$.secret");
        assertThat(secret).startsWith("ovk_").hasSizeGreaterThan(40);
        assertThat((String) JsonPath.read(body, "$.prefix")).isEqualTo(secret.substring(0, 12));
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/v1/api-keys/" + id);

        String one = mvc.perform(get("/api/v1/api-keys/" + id).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String list = mvc.perform(get("/api/v1/api-keys").param("size", "1000").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(one + list).doesNotContain(secret).doesNotContain(secret.substring(12));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = :s OR name = :s OR key_prefix = :s")
                        .param("s", secret)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT key_hash FROM api_key WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .hasSize(64)
                .doesNotContain(secret.substring(12));
        assertThat(auditRows("CREATE", id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE entity = 'api-key' AND entity_key = :k")
                        .param("k", String.valueOf(id))
                        .query(String.class)
                        .single())
                .doesNotContain(secret.substring(12));
    }

    @Test
    void a_key_acts_with_the_roles_of_its_owner() throws Exception {
        Created buyerKey = createKey("t-buyer");
        String code = Fixtures.unique("BYKEY");
        mvc.perform(post("/api/v1/items")
                        .header(HEADER, buyerKey.secret())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"by key\",\"uom\":\"PCS\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity = 'item' AND entity_key = :k")
                        .param("k", code)
                        .query(String.class)
                        .single())
                .isEqualTo("t-buyer");
        mvc.perform(get("/api/v1/users").header(HEADER, buyerKey.secret())).andExpect(status().isForbidden());

        Created viewerKey = createKey("t-viewer");
        mvc.perform(get("/api/v1/items/" + code).header(HEADER, viewerKey.secret()))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/items/" + code)
                        .header(HEADER, viewerKey.secret())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"changed\",\"uom\":\"PCS\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        Created adminKey = createKey("t-admin");
        mvc.perform(get("/api/v1/users").header(HEADER, adminKey.secret())).andExpect(status().isOk());
    }

    @Test
    void a_supplier_users_key_sees_only_the_items_of_its_own_supplier() throws Exception {
        String own = newItem(Fixtures.SUPPLIER_A);
        String other = newItem(Fixtures.SUPPLIER_B);
        String nobodys = newItem(null);
        Created key = createKey(Fixtures.SUPPLIER_USER_A);

        mvc.perform(get("/api/v1/items/" + own).header(HEADER, key.secret())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/items/" + other).header(HEADER, key.secret())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/items/" + nobodys).header(HEADER, key.secret()))
                .andExpect(status().isNotFound());
        String listed = mvc.perform(get("/api/v1/items")
                        .param("q", "KEY-")
                        .param("size", "1000")
                        .header(HEADER, key.secret()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> codes = JsonPath.read(listed, "$.content[*].code");
        assertThat(codes).contains(own).doesNotContain(other, nobodys);
        mvc.perform(post("/api/v1/items")
                        .header(HEADER, key.secret())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_revoked_key_gets_401_problem_json_and_revoking_is_audited_once() throws Exception {
        Created key = createKey("t-planner");
        mvc.perform(get("/api/v1/items").header(HEADER, key.secret())).andExpect(status().isOk());

        mvc.perform(post("/api/v1/api-keys/" + key.id() + "/revoke").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt", notNullValue()));

        mvc.perform(get("/api/v1/items").header(HEADER, key.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.detail", containsString("API key")));

        mvc.perform(post("/api/v1/api-keys/" + key.id() + "/revoke").with(as(Role.ADMIN)))
                .andExpect(status().isOk());
        assertThat(auditRows("CREATE", key.id())).isEqualTo(1);
        assertThat(auditRows("REVOKE", key.id())).isEqualTo(1);
        String revoke = jdbc.sql("SELECT actor || ' ' || before_json || ' ' || after_json FROM audit_log "
                        + "WHERE entity = 'api-key' AND action = 'REVOKE' AND entity_key = :k")
                .param("k", String.valueOf(key.id()))
                .query(String.class)
                .single();
        assertThat(revoke).startsWith("t-admin ").contains("\"revokedAt\":null", "t-planner");
    }

    @Test
    void an_unknown_key_gets_401_problem_json_even_with_valid_basic_credentials_beside_it() throws Exception {
        mvc.perform(get("/api/v1/items").header(HEADER, "ovk_not-a-key-at-all"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/items").header(HEADER, "ovk_not-a-key-at-all").with(as(Role.ADMIN)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void the_key_of_a_disabled_user_gets_401() throws Exception {
        String owner = Fixtures.unique("keyowner").toLowerCase();
        mvc.perform(post("/api/v1/users")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"username\":\"" + owner + "\",\"password\":\"long-enough\",\"roles\":[\"VIEWER\"]}"))
                .andExpect(status().isCreated());
        Created key = createKey(owner);
        mvc.perform(get("/api/v1/items").header(HEADER, key.secret())).andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/" + owner)
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"VIEWER\"],\"enabled\":false}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/items").header(HEADER, key.secret())).andExpect(status().isUnauthorized());
    }

    @Test
    void a_request_with_an_api_key_computes_no_password_hash_while_http_basic_does() throws Exception {
        assertThat(passwordEncoder).isInstanceOf(CountingPasswordEncoder.class);
        CountingPasswordEncoder counter = (CountingPasswordEncoder) passwordEncoder;
        Created key = createKey("t-buyer");

        int before = counter.calls();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/items").header(HEADER, key.secret())).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/items").header(HEADER, "ovk_unknown")).andExpect(status().isUnauthorized());
        assertThat(counter.calls()).isEqualTo(before);

        mvc.perform(get("/api/v1/items").with(as(Role.BUYER))).andExpect(status().isOk());
        assertThat(counter.calls()).isEqualTo(before + 1);
    }

    @Test
    void bad_input_is_400_naming_the_field_and_an_unknown_key_id_is_404() throws Exception {
        long keys = jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
        mvc.perform(post("/api/v1/api-keys")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \",\"username\":\"no-such-user\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")));
        mvc.perform(post("/api/v1/api-keys")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "x".repeat(101) + "\",\"username\":\"t-buyer\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/api-keys")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single())
                .isEqualTo(keys);

        mvc.perform(post("/api/v1/api-keys/999999999/revoke").with(as(Role.ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/api-keys/999999999").with(as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/api-keys/abc").with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
