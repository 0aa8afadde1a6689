package org.openvmi.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.security.UserDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API contracts (H2 and PostgreSQL) share, whatever their feature: MockMvc, the database, the catalogs that
 * build master data, the test users ({@link Fixtures#ensure}), a {@link MutableClock} put back before and after each
 * test (the test class imports {@link MutableClockConfiguration}) and the JSON helpers. A feature's fixture (planning's
 * {@code PlanningContractFixture}) or contract extends it and adds its own test data.
 */
public abstract class ContractFixture {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected UserDirectory users;

    @Autowired
    protected ItemCatalog items;

    @Autowired
    protected WarehouseCatalog warehouses;

    @Autowired
    protected SupplierCatalog suppliers;

    @BeforeEach
    void setUpContractFixture() {
        Fixtures.ensure(jdbc, users);
        clock.reset();
    }

    @AfterEach
    void resetContractClock() {
        clock.reset();
    }

    /** A JSON POST as {@code who}, in the request's default language. */
    protected ResultActions postJson(String path, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(
                post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
