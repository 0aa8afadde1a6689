package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.security.ApiKeyScope;
import org.openvmi.security.ApiKeys;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** API keys of suppliers carry scopes; a key may call only what its scopes open, and never more than its user. */
@H2Test
class SupplierApiKeyScopeOnH2Test {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    @Autowired
    UserDirectory users;

    @Autowired
    ApiKeys apiKeys;

    String item;

    @BeforeEach
    void data() {
        Fixtures.ensure(jdbc, users);
        item = new SupplierTestData(jdbc, batch)
                .items(Fixtures.unique("SCP"), 1, Fixtures.SUPPLIER_A, 5, "1.00", true)
                .get(0);
    }

    private ResultActions write(String key) throws Exception {
        return mvc.perform(post("/api/v1/supplier-stock")
                .header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\":[{\"item\":\"" + item + "\",\"available\":5}]}"));
    }

    private ResultActions read(String key, String path) throws Exception {
        return mvc.perform(get(path).header("X-API-Key", key));
    }

    @Test
    void a_read_only_supplier_key_reads_stock_but_cannot_report_it() throws Exception {
        String key = apiKeys.create("read only", Fixtures.SUPPLIER_USER_A, EnumSet.of(ApiKeyScope.STOCK_READ))
                .secret();
        write(key).andExpect(status().isForbidden());
        read(key, "/api/v1/supplier-stock").andExpect(status().isOk());
        read(key, "/api/v1/stock").andExpect(status().isOk());
        read(key, "/api/v1/portal").andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supplier_stock ss JOIN item i ON i.id = ss.item_id WHERE i.code = :i")
                        .param("i", item)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_write_only_supplier_key_reports_stock_but_reads_nothing_else() throws Exception {
        String key = apiKeys.create("writer", Fixtures.SUPPLIER_USER_A, EnumSet.of(ApiKeyScope.SUPPLIER_STOCK_WRITE))
                .secret();
        write(key).andExpect(status().isOk());
        read(key, "/api/v1/supplier-stock").andExpect(status().isOk());
        read(key, "/api/v1/stock").andExpect(status().isForbidden());
        read(key, "/api/v1/movements").andExpect(status().isForbidden());
        read(key, "/api/v1/items").andExpect(status().isForbidden());
    }

    @Test
    void a_shipments_key_opens_no_stock_endpoint_and_scopes_never_add_rights_to_the_user() throws Exception {
        String key = apiKeys.create("asn", Fixtures.SUPPLIER_USER_A, EnumSet.of(ApiKeyScope.SHIPMENTS))
                .secret();
        write(key).andExpect(status().isForbidden());
        read(key, "/api/v1/supplier-stock").andExpect(status().isForbidden());
        // STOCK_READ opens GET /stock-policies, but a supplier's own rights still apply: writing lines is refused
        String reader = apiKeys.create("reader", Fixtures.SUPPLIER_USER_A, EnumSet.of(ApiKeyScope.STOCK_READ))
                .secret();
        mvc.perform(post("/api/v1/movements")
                        .header("X-API-Key", reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_supplier_key_created_without_scopes_gets_read_and_write_of_its_stock_and_a_buyer_key_stays_unrestricted()
            throws Exception {
        String created = mvc.perform(post("/api/v1/api-keys")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"erp of A\",\"username\":\"" + Fixtures.SUPPLIER_USER_A + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> scopes = JsonPath.read(created, "$.scopes");
        assertThat(scopes).containsExactlyInAnyOrder("STOCK_READ", "SUPPLIER_STOCK_WRITE");
        write(JsonPath.read(created, "$.secret")).andExpect(status().isOk());

        String buyer = apiKeys.create("buyer erp", "t-buyer").secret();
        assertThat(apiKeys.list().stream()
                        .filter(k -> k.name().equals("buyer erp"))
                        .findFirst()
                        .orElseThrow()
                        .scopes())
                .isNull();
        read(buyer, "/api/v1/supplier-stock/availability?items=" + item).andExpect(status().isOk());
        read(buyer, "/api/v1/suppliers").andExpect(status().isOk());
    }

    @Test
    void the_admin_page_creates_a_key_with_the_ticked_scopes() throws Exception {
        String name = Fixtures.unique("page key");
        mvc.perform(
                        post("/admin/api-keys")
                                .session(org.openvmi.testsupport.UiSessions.login(mvc, "t-admin"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("name", name)
                                .param("username", Fixtures.SUPPLIER_USER_A)
                                .param("scopes", "STOCK_READ"))
                .andExpect(status().isOk());
        assertThat(apiKeys.list().stream()
                        .filter(k -> k.name().equals(name))
                        .findFirst()
                        .orElseThrow()
                        .scopes())
                .containsExactly(ApiKeyScope.STOCK_READ);
    }
}
