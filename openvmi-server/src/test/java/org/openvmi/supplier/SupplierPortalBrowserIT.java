package org.openvmi.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The scene: a supplier user logs in, downloads nothing but uploads its stock file, sees its figures in the
 * portal, and cannot open another supplier's stock (404) nor the buyer's comparison of suppliers (403).
 */
@BrowserTest
class SupplierPortalBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    @Autowired
    UserDirectory users;

    @Autowired
    SupplierStocks stocks;

    List<String> mine;
    String theirs;

    @BeforeEach
    void data() {
        Fixtures.ensure(jdbc, users);
        SupplierTestData data = new SupplierTestData(jdbc, batch);
        String prefix = Fixtures.unique("BRW");
        mine = data.items(prefix + "A", 2, Fixtures.SUPPLIER_A, 5, "1.00", true);
        theirs = data.items(prefix + "B", 1, Fixtures.SUPPLIER_B, 5, "1.00", true)
                .get(0);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "t-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            SupplierStockReport report = new SupplierStockReport();
            report.setSupplier(Fixtures.SUPPLIER_B);
            report.setLines(List.of(new SupplierStockLine(theirs, new BigDecimal("24680"))));
            stocks.report(report, StockSource.API);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_supplier_uploads_its_stock_file_sees_its_data_and_cannot_open_another_suppliers(Browser supplier)
            throws Exception {
        Path file = Files.createTempFile("supplier-stock", ".csv");
        Files.writeString(
                file,
                "item,available,inProduction,availableFrom,leadTimeDays\n" + mine.get(0) + ",1200,300,2030-01-15,6\n"
                        + mine.get(1) + ",75,,,\n",
                StandardCharsets.UTF_8);
        supplier.logIn(Fixtures.SUPPLIER_USER_A, Fixtures.PASSWORD);
        // other browser tests in this context may have reported stock of T-SUP-A's items too
        supplier.open("/portal");
        int reportedBefore =
                Integer.parseInt(supplier.byId("count-reported").getText().trim());
        supplier.open("/supplier-stock?lang=en");
        supplier.byId("file").sendKeys(file.toAbsolutePath().toString());
        supplier.click("upload");
        supplier.awaitText("upload-done", "2 row(s) imported.");
        supplier.open("/supplier-stock");
        assertThat(supplier.byId("stock-" + Fixtures.SUPPLIER_A + "-" + mine.get(0))
                        .findElement(By.cssSelector(".available"))
                        .getText())
                .isEqualTo("1,200");
        assertThat(supplier.byId("stock-" + Fixtures.SUPPLIER_A + "-" + mine.get(1))
                        .findElement(By.cssSelector(".available"))
                        .getText())
                .isEqualTo("75");
        String page = supplier.driver().getPageSource();
        assertThat(page).doesNotContain(theirs).doesNotContain("24680");

        // edits one figure by hand
        supplier.open("/supplier-stock?edit=" + mine.get(1));
        supplier.type("line-available", "80");
        supplier.click("save-line");
        supplier.awaitText(By.cssSelector("#stock-" + Fixtures.SUPPLIER_A + "-" + mine.get(1) + " .available"), "80");

        // another supplier's stock: not found, nothing of it shown
        supplier.open("/supplier-stock?supplier=" + Fixtures.SUPPLIER_B);
        assertThat(supplier.driver().getPageSource()).doesNotContain(theirs).doesNotContain("24680");
        assertThat(supplier.driver().findElements(By.id("supplier-stock"))).isEmpty();
        supplier.open("/supplier-stock?item=" + theirs);
        assertThat(supplier.driver().getPageSource()).doesNotContain("24680");
        // the buyer's comparison of suppliers is not for suppliers
        supplier.open("/who-has-stock?items=" + theirs);
        assertThat(supplier.driver().getPageSource()).doesNotContain("24680");
        assertThat(supplier.driver().findElements(By.id("who-form"))).isEmpty();

        supplier.open("/portal");
        supplier.byId("portal-item-" + mine.get(0));
        assertThat(supplier.byId("count-reported").getText()).isEqualTo(String.valueOf(reportedBefore + 2));
        assertThat(supplier.driver().getPageSource()).doesNotContain(theirs);
    }
}
