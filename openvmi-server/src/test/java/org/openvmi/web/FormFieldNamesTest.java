package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerTestData;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.H2Test;
import org.openvmi.testsupport.UiSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13: a shared form fragment rendered every field three times, so a form saved unchanged posted
 * "深圳仓,深圳仓,true" as the name. Every form of every form page must post each field once; a name may repeat only
 * as a list of choices (checkboxes or radio buttons of one name).
 */
@H2Test
class FormFieldNamesTest {

    private static final Pattern FORM =
            Pattern.compile("<form\\b[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL =
            Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\sname=\"([^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("\\stype=\"([^\"]*)\"");
    /** Forms whose rows are a list on purpose: the controller reads these names as lists, one value per row. */
    private static final Map<String, Set<String>> LISTS =
            Map.of("#requisition-form", Set.of("item", "qty", "neededBy"));

    private static final Pattern FORM_ID = Pattern.compile("<form\\b[^>]*\\sid=\"([^\"]*)\"");

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

    @BeforeEach
    void masterData() {
        Fixtures.ensure(jdbc, users);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            data = new LedgerTestData(items, warehouses, suppliers);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void no_form_page_of_the_buyer_side_posts_a_field_twice() throws Exception {
        MockHttpSession admin = UiSessions.login(mvc, "t-admin");
        List<String> pages = List.of(
                "/items/new",
                "/items/" + data.item + "/edit",
                "/warehouses/new",
                "/warehouses/" + data.warehouse,
                "/warehouses/" + data.warehouse + "/locations/" + data.bin1 + "/edit",
                "/suppliers/new",
                "/suppliers/" + Fixtures.SUPPLIER_A,
                "/suppliers/" + Fixtures.SUPPLIER_A + "/items/" + data.item + "/edit",
                "/stock-policies",
                "/stock-policies?location=" + data.warehouse,
                "/transfers/new",
                "/counts/new",
                "/reservations",
                "/scan",
                "/requisitions/new",
                "/approval-rules",
                "/receipts/new",
                "/invoices/new",
                "/vmi/agreements/new",
                "/vmi/calloffs",
                "/supplier-invitations",
                "/supplier-stock",
                "/admin/users/new",
                "/admin/users/t-buyer/edit",
                "/admin/api-keys",
                "/admin/webhooks",
                "/notifications/preferences",
                "/imports",
                "/planning/runs");
        assertThat(duplicates(admin, pages)).isEmpty();
    }

    @Test
    void no_form_page_of_a_supplier_posts_a_field_twice() throws Exception {
        MockHttpSession supplier = UiSessions.login(mvc, Fixtures.SUPPLIER_USER_A);
        assertThat(duplicates(supplier, List.of("/supplier-stock", "/vmi/calloffs", "/notifications/preferences")))
                .isEmpty();
    }

    /** For each page, "page #form: name ×n" for every field name posted more than once by one form. */
    private List<String> duplicates(MockHttpSession session, List<String> pages) throws Exception {
        List<String> found = new ArrayList<>();
        for (String page : pages) {
            String html = mvc.perform(get(page).session(session).header("Accept-Language", "zh-CN"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).as(page).contains("<form");
            Matcher form = FORM.matcher(html);
            while (form.find()) {
                Matcher id = FORM_ID.matcher(form.group());
                String formName = id.find() ? "#" + id.group(1) : "form@" + form.start();
                Map<String, List<String>> types = new LinkedHashMap<>();
                Matcher control = CONTROL.matcher(form.group(1));
                while (control.find()) {
                    Matcher name = NAME.matcher(control.group(2));
                    if (!name.find()) {
                        continue;
                    }
                    Matcher type = TYPE.matcher(control.group(2));
                    String kind = control.group(1).equalsIgnoreCase("input")
                            ? (type.find() ? type.group(1) : "text")
                            : control.group(1);
                    types.computeIfAbsent(name.group(1), n -> new ArrayList<>()).add(kind.toLowerCase());
                }
                types.forEach((name, kinds) -> {
                    boolean choices = kinds.stream().allMatch(k -> k.equals("checkbox"))
                            || kinds.stream().allMatch(k -> k.equals("radio"));
                    // Spring's "_name" marker says "this checkbox list was on the form"; one per checkbox does no harm
                    boolean markers = name.startsWith("_") && kinds.stream().allMatch(k -> k.equals("hidden"));
                    boolean list = LISTS.getOrDefault(formName, Set.of()).contains(name);
                    if (kinds.size() > 1 && !choices && !markers && !list) {
                        found.add(page + " " + formName + ": " + name + " " + kinds);
                    }
                });
            }
        }
        return found;
    }
}
