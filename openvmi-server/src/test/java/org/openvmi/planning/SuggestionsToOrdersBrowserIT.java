package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.procurement.ApprovalRuleRequest;
import org.openvmi.procurement.ApprovalRules;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21 target, in headless chromium: the buyer turns the day's suggestions (6, for 3 suppliers) into
 * requisitions grouped by supplier in at most 5 clicks, the approver approves them all in one bulk action, and that
 * approval orders them: 3 POs, one per supplier, every line linked to its suggestion.
 */
@BrowserTest
class SuggestionsToOrdersBrowserIT {

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
    ApprovalRules rules;

    PlanningTestData data;
    String wh;
    final List<String> itemCodes = new ArrayList<>();

    @BeforeEach
    void masterData() {
        Fixtures.ensure(jdbc, users);
        data = new PlanningTestData(items, warehouses, suppliers, jdbc);
        wh = data.warehouse();
        SupplierCommand c = new SupplierCommand();
        c.setCode(Fixtures.unique("SC"));
        c.setName("第三供应商");
        suppliers.create(c);
        for (String supplier : List.of(
                Fixtures.SUPPLIER_A,
                Fixtures.SUPPLIER_A,
                Fixtures.SUPPLIER_B,
                Fixtures.SUPPLIER_B,
                c.getCode(),
                c.getCode())) {
            String item = data.item(supplier, 7, "1", "1");
            data.weeklyDemand(item, wh, LocalDate.now(), 30, "10");
            itemCodes.add(item);
        }
        rules.create(new ApprovalRuleRequest(
                "bulk " + wh, 10, null, wh, BigDecimal.ZERO, null, "CNY", List.of("t-finance"), null, true));
    }

    /** Counts the buyer's and the approver's clicks: every click of the flow goes through here. */
    static final class Clicks {
        int count;

        void on(Browser browser, By by) {
            browser.await(
                            by + " to be clickable",
                            org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(by))
                    .click();
            count++;
        }
    }

    @Test
    void the_days_suggestions_become_pos_grouped_by_supplier_in_five_clicks_and_one_bulk_approval(Browser browser) {
        // the planner's run (not the buyer's task)
        browser.logIn("t-planner", Fixtures.PASSWORD);
        browser.open("/planning/runs?lang=en");
        browser.type("items", String.join(" ", itemCodes));
        browser.click("start-run");
        browser.await(
                "the run to be DONE",
                d -> !d.findElements(By.cssSelector(".run-progress .run-status[data-status='DONE']"))
                        .isEmpty());

        browser.forgetSession();
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        Clicks buyer = new Clicks();
        buyer.on(browser, By.id("nav-suggestions"));
        browser.script("document.getElementById('warehouse').value = arguments[0]", wh); // typed, not a click
        buyer.on(browser, By.cssSelector("form.toolbar[method='get'] button[type='submit']"));
        browser.await(
                "the warehouse's 6 suggestions",
                d -> d.findElements(By.cssSelector("#suggestion-table tbody tr[id^='suggestion-']"))
                                .size()
                        == 6);
        buyer.on(browser, By.id("all-on-filter"));
        buyer.on(browser, By.id("create-requisitions"));
        // the confirmation step: one group per supplier
        browser.await(
                "three groups",
                d -> d.findElements(By.cssSelector("section[id^='group-']")).size() == 3);
        browser.screenshot("suggestions-confirm");
        buyer.on(browser, By.id("confirm-requisitions"));
        browser.await(
                "three requisitions listed as created",
                d -> d.findElements(By.cssSelector("#bulk-results-table tr.bulk-ok"))
                                .size()
                        == 3);
        assertThat(buyer.count).as("buyer's clicks").isLessThanOrEqualTo(5);
        List<Long> requisitions = jdbc.sql("""
                SELECT DISTINCT l.requisition_id FROM proc_requisition_line l JOIN proc_requisition r ON r.id = l.requisition_id
                JOIN warehouse w ON w.id = r.warehouse_id WHERE w.code = :w AND l.suggestion_id IS NOT NULL""").param("w", wh).query(Long.class).list();
        assertThat(requisitions).hasSize(3);

        browser.forgetSession();
        browser.logIn("t-finance", Fixtures.PASSWORD);
        browser.open("/requisitions/inbox");
        Clicks approver = new Clicks();
        for (long id : requisitions) {
            approver.on(browser, By.cssSelector("#requisition-" + id + " input[name='ids']"));
        }
        approver.on(browser, By.id("bulk-approve"));
        browser.await(
                "three POs linked from the result",
                d -> d.findElements(By.cssSelector("#bulk-results-table a.bulk-po"))
                                .size()
                        == 3);
        browser.screenshot("requisitions-bulk-approved");
        assertThat(approver.count)
                .as("one bulk approval after ticking the three")
                .isEqualTo(requisitions.size() + 1);

        List<String> orderedFrom =
                jdbc.sql("""
                SELECT s.code FROM proc_purchase_order p JOIN supplier s ON s.id = p.supplier_id
                WHERE p.requisition_id IN (:r) ORDER BY s.code""").param("r", requisitions).query(String.class).list();
        assertThat(orderedFrom).hasSize(3).doesNotHaveDuplicates();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM proc_po_line l JOIN proc_purchase_order p ON p.id = l.po_id
                WHERE p.requisition_id IN (:r) AND l.suggestion_id IS NOT NULL""").param("r", requisitions).query(Long.class).single())
                .isEqualTo(6);
    }
}
