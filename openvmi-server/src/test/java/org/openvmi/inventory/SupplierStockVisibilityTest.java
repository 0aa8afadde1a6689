package org.openvmi.inventory;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.openvmi.testsupport.Fixtures.asUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An item both suppliers supply, with own stock and consignment stock of each: a supplier user sees the buyer's own
 * stock and its own consignment, never the other supplier's (stock rows and movements alike).
 */
@H2Test
class SupplierStockVisibilityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    InventoryLedger ledger;

    @Test
    void a_supplier_never_sees_another_suppliers_consignment_of_a_shared_item() throws Exception {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        LedgerTestData data = new LedgerTestData(items, warehouses, suppliers); // item on T-SUP-A's list
        SupplierItemCommand b = new SupplierItemCommand();
        b.setItem(data.item);
        b.setPrice(new BigDecimal("9"));
        b.setCurrency("CNY");
        b.setLeadTimeDays(3);
        suppliers.addSource(Fixtures.SUPPLIER_B, b);
        ledger.post(
                new PostingRequest(List.of(
                        new MovementRequest(
                                "RECEIPT", data.item, data.bin1, null, null, new BigDecimal("5"), null, null, "R"),
                        new MovementRequest(
                                "RECEIPT",
                                data.item,
                                data.vmi,
                                Fixtures.SUPPLIER_A,
                                null,
                                new BigDecimal("30"),
                                null,
                                null,
                                "A"),
                        new MovementRequest(
                                "RECEIPT",
                                data.item,
                                data.vmi,
                                Fixtures.SUPPLIER_B,
                                null,
                                new BigDecimal("40"),
                                null,
                                null,
                                "B"))),
                null);
        SecurityContextHolder.clearContext();

        mvc.perform(get("/api/v1/stock").param("item", data.item).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].owner", containsInAnyOrder("OWN", Fixtures.SUPPLIER_A)));
        mvc.perform(get("/api/v1/stock").param("item", data.item).with(asUser(Fixtures.SUPPLIER_USER_B)))
                .andExpect(jsonPath("$.content[*].owner", containsInAnyOrder("OWN", Fixtures.SUPPLIER_B)));
        mvc.perform(get("/api/v1/movements").param("item", data.item).with(asUser(Fixtures.SUPPLIER_USER_A)))
                .andExpect(jsonPath("$.content[*].owner", containsInAnyOrder("OWN", Fixtures.SUPPLIER_A)));
        mvc.perform(get("/api/v1/stock").param("item", data.item).with(asUser("t-viewer")))
                .andExpect(jsonPath("$.content.length()").value(3));
    }
}
