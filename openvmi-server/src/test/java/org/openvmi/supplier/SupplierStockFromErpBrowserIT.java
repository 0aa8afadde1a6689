package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21 target: a supplier updates 20 rows of its stock from its ERP export in at most 3 actions (it took 8
 * clicks and 45 typed cells). The export has the ERP's own headers and part numbers: the first upload asks once
 * what the columns mean (with the likely answers chosen), the next one goes straight through.
 */
@BrowserTest
class SupplierStockFromErpBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    @Autowired
    UserDirectory users;

    @Test
    void a_supplier_updates_20_rows_from_its_erp_export_in_3_actions_and_2_the_next_time(Browser browser)
            throws Exception {
        Fixtures.ensure(jdbc, users);
        SupplierTestData data = new SupplierTestData(jdbc, batch);
        String supplier = data.supplierWithUser(users, "ERPB");
        List<String> items = data.items(supplier, 20, supplier, 5, "1.00", true);
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("""
                    UPDATE supplier_item SET supplier_part_no = :p WHERE item_id = (SELECT id FROM item WHERE code = :i)
                    AND supplier_id = (SELECT id FROM supplier WHERE code = :s)""")
                    .param("p", "MAT-" + (1000 + i))
                    .param("i", items.get(i))
                    .param("s", supplier)
                    .update();
        }

        browser.logIn(supplier.toLowerCase(), Fixtures.PASSWORD);
        browser.open("/supplier-stock?lang=en");
        int actions = 0;
        browser.byId("file").sendKeys(export(100).toAbsolutePath().toString());
        actions++;
        browser.click("upload");
        actions++;
        // the one-time question, with the likely meanings already chosen
        browser.visible(By.id("columns-form"));
        assertThat(new Select(browser.byId("column-select-0"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("supplierPartNo");
        assertThat(new Select(browser.byId("column-select-2"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("available");
        assertThat(new Select(browser.byId("column-select-3"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEmpty();
        browser.click("columns-submit");
        actions++;
        browser.awaitText("upload-done", "20 row(s) imported.");
        assertThat(actions).isLessThanOrEqualTo(3);
        assertThat(data.stockRows(supplier)).isEqualTo(20);

        // the next day's export: the columns are remembered, 2 actions
        browser.byId("file").sendKeys(export(200).toAbsolutePath().toString());
        browser.click("upload");
        browser.awaitText("upload-done", "20 row(s) imported.");
        assertThat(jdbc.sql("""
                SELECT MIN(ss.available_qty) FROM supplier_stock ss JOIN supplier s ON s.id = ss.supplier_id
                WHERE s.code = :s""")
                        .param("s", supplier)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("200");
    }

    /** An ERP stock export: its own headers, the supplier's part numbers, a column the upload has no use for. */
    private static Path export(int base) throws Exception {
        StringBuilder csv = new StringBuilder("物料编码,物料名称,可用数量,仓库\n");
        for (int i = 0; i < 20; i++) {
            csv.append("MAT-")
                    .append(1000 + i)
                    .append(",零件")
                    .append(i)
                    .append(',')
                    .append(base + i)
                    .append(",成品仓\n");
        }
        Path file = Files.createTempFile("erp-export", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
