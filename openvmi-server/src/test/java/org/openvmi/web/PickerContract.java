package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13, part 2: warehouse, item, supplier and PO are picked by code, name or barcode, and a form posted with the
 * warehouse name "上海中心仓…" or an item's barcode is taken as that record. A supplier's picker finds only its own
 * items, itself as supplier and its own orders, and its typed names of another supplier's items resolve to nothing.
 */
abstract class PickerContract {

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

    LedgerTestData data;
    String shanghai;
    String barcode;
    /** An item only on T-SUP-B's source list, with a name and barcode of its own. */
    String itemOfB = Fixtures.unique("PKB");

    String nameOfB;

    @BeforeEach
    void masterData() {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            data = new LedgerTestData(items, warehouses, suppliers);
            shanghai = "上海中心仓 " + data.warehouse.substring(data.warehouse.length() - 6);
            WarehouseCommand w = new WarehouseCommand();
            w.setCode(data.warehouse);
            w.setName(shanghai);
            warehouses.update(data.warehouse, w);
            barcode = items.get(data.item).barcodes().get(0);
            nameOfB = "乙方专用密封圈 " + Math.abs(itemOfB.hashCode());
            ItemCommand b = new ItemCommand();
            b.setCode(itemOfB);
            b.setName(nameOfB);
            b.setUom("PCS");
            b.setBarcodes(List.of("77" + Math.abs(itemOfB.hashCode())));
            items.create(b);
            SupplierItemCommand source = new SupplierItemCommand();
            source.setItem(itemOfB);
            source.setPrice(new BigDecimal("1.20"));
            source.setCurrency("CNY");
            source.setLeadTimeDays(3);
            suppliers.addSource(Fixtures.SUPPLIER_B, source);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_picker_lists_items_by_part_of_their_code_name_or_barcode_and_places_by_name() throws Exception {
        MockHttpSession buyer = UiSessions.login(mvc, "t-buyer");
        assertThat(pick(buyer, "items", data.item.substring(2))).contains("data-value=\"" + data.item + "\"");
        assertThat(pick(buyer, "items", "物料 " + data.item)).contains("data-value=\"" + data.item + "\"");
        assertThat(pick(buyer, "items", barcode.substring(0, barcode.length() - 1)))
                .contains("data-value=\"" + data.item + "\"");
        assertThat(pick(buyer, "warehouses", shanghai.substring(2))).contains("data-value=\"" + data.warehouse + "\"");
        assertThat(pick(buyer, "locations", data.vmi.toLowerCase())).contains("data-value=\"" + data.vmi + "\"");
        assertThat(pick(buyer, "suppliers", Fixtures.SUPPLIER_B.toLowerCase()))
                .contains("data-value=\"" + Fixtures.SUPPLIER_B + "\"");
        // LIKE's wildcards are text: "%" finds only what holds a "%", not every item
        assertThat(pick(buyer, "items", "%")).doesNotContain("data-value=\"" + data.item + "\"");
        assertThat(pick(buyer, "items", "NO-SUCH-" + data.item))
                .doesNotContain("data-value")
                .contains("NO-SUCH-");
    }

    @Test
    void a_requisition_posted_with_the_warehouse_name_and_an_item_barcode_is_saved_with_their_codes() throws Exception {
        MockHttpSession buyer = UiSessions.login(mvc, "t-buyer");
        String location = mvc.perform(post("/requisitions")
                        .session(buyer)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("warehouse", shanghai)
                        .param("note", "按名称")
                        .param("item", barcode, "物料 " + data.lotItem)
                        .param("qty", "5", "2")
                        .param("neededBy", "", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql(
                                "SELECT w.code FROM proc_requisition r JOIN warehouse w ON w.id = r.warehouse_id WHERE r.id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(data.warehouse);
        assertThat(jdbc.sql("""
                        SELECT i.code FROM proc_requisition_line l JOIN item i ON i.id = l.item_id
                        WHERE l.requisition_id = :id ORDER BY l.line_no""").param("id", id).query(String.class).list()).containsExactly(data.item, data.lotItem);
    }

    @Test
    void a_supplier_picks_only_its_own_items_itself_and_its_own_orders() throws Exception {
        MockHttpSession a = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        assertThat(pick(a, "items", "物料 " + data.item)).contains("data-value=\"" + data.item + "\"");
        for (String q : List.of(itemOfB, "乙方专用", "77" + Math.abs(itemOfB.hashCode()))) {
            // the list repeats what was typed ("nothing matches …"), never what B's item is called or coded
            assertThat(pick(a, "items", q)).as(q).doesNotContain("data-value").doesNotContain(nameOfB);
        }
        assertThat(pick(a, "suppliers", "T-SUP"))
                .contains("data-value=\"" + Fixtures.SUPPLIER_A + "\"")
                .doesNotContain(Fixtures.SUPPLIER_B);
        MockHttpSession b = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_B);
        assertThat(pick(b, "items", nameOfB)).contains("data-value=\"" + itemOfB + "\"");
        assertThat(pick(b, "items", data.item)).doesNotContain("data-value");
    }

    @Test
    void a_supplier_typing_another_suppliers_item_name_is_refused_as_typed_and_its_own_is_saved() throws Exception {
        MockHttpSession a = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        String refused = mvc.perform(post("/supplier-stock/edit")
                        .session(a)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("item", nameOfB)
                        .param("available", "5"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("id=\"edit-errors\"").doesNotContain(itemOfB);
        mvc.perform(post("/supplier-stock/edit")
                        .session(a)
                        .with(csrf())
                        .param("item", barcode)
                        .param("available", "6"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                        SELECT ss.available_qty FROM supplier_stock ss JOIN item i ON i.id = ss.item_id
                        JOIN supplier s ON s.id = ss.supplier_id WHERE i.code = :item AND s.code = :s""")
                        .param("item", data.item)
                        .param("s", Fixtures.SUPPLIER_A)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("6");
    }

    @Test
    void users_are_picked_by_name_or_display_name_and_pos_by_their_printed_number() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        assertThat(pick(admin, "users", "t-buy"))
                .contains("data-value=\"t-buyer\"")
                .doesNotContain(Fixtures.SUPPLIER_USER_A);
        assertThat(pick(admin, "purchase-orders", "PO-999999999")).doesNotContain("data-value");
        mvc.perform(get("/pick/nothing").session(admin).param("q", "x")).andExpect(status().isNotFound());
    }

    @Test
    void approvers_are_picked_as_roles_by_the_role_name_in_the_pages_language_not_only_by_the_role_code()
            throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        assertThat(pickIn(admin, "财务", "zh"))
                .contains("data-value=\"role:FINANCE\"")
                .contains("财务（任一用户）");
        assertThat(pickIn(admin, "finance", "en")).contains("data-value=\"role:FINANCE\"");
        assertThat(pickIn(admin, "供应商", "zh")).doesNotContain("role:SUPPLIER");
    }

    private String pickIn(MockHttpSession session, String q, String lang) throws Exception {
        return mvc.perform(get("/pick/users")
                        .session(session)
                        .param("q", q)
                        .param("lang", lang)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String pick(MockHttpSession session, String kind, String q) throws Exception {
        return mvc.perform(get("/pick/" + kind).session(session).param("q", q).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
