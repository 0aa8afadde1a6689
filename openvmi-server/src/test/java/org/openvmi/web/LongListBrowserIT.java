package org.openvmi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Browser;
import org.openvmi.testsupport.BrowserTest;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A long list in the browser: the shortage list (once 570 sections, 750 KB) shows 50 and a pager, under 300 KB. */
@BrowserTest
class LongListBrowserIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate batch;

    @Autowired
    UserDirectory users;

    String warehouse;

    @BeforeEach
    void shortages() {
        Fixtures.ensure(jdbc, users);
        warehouse = Fixtures.unique("LLW");
        jdbc.sql("INSERT INTO warehouse (code, name) VALUES (:c, :c)")
                .param("c", warehouse)
                .update();
        List<SqlParameterSource> items = new ArrayList<>();
        for (int i = 1; i <= 130; i++) {
            items.add(new MapSqlParameterSource("c", String.format("%s-%03d", warehouse, i))
                    .addValue("w", warehouse)
                    .addValue("max", BigDecimal.valueOf(1000 + i)));
        }
        SqlParameterSource[] rows = items.toArray(SqlParameterSource[]::new);
        batch.batchUpdate("INSERT INTO item (code, name, uom) VALUES (:c, '深沟球轴承 ' || :c, 'PCS')", rows);
        batch.batchUpdate("""
                INSERT INTO stock_policy (item_id, warehouse_id, safety, warning, max_qty, mode, updated_at, updated_by)
                VALUES ((SELECT id FROM item WHERE code = :c), (SELECT id FROM warehouse WHERE code = :w), 100, 500, :max,
                        'MANUAL', CURRENT_TIMESTAMP, 'test')""", rows);
    }

    private long pageBytes(Browser browser) {
        return ((Number) browser.script("return new TextEncoder().encode(document.documentElement.outerHTML).length;"))
                .longValue();
    }

    private int sections(Browser browser) {
        return browser.driver().findElements(By.cssSelector("section.shortage")).size();
    }

    @Test
    void the_shortage_list_shows_fifty_sections_a_pager_that_keeps_the_filter_and_stays_small(Browser browser) {
        browser.logIn("t-buyer", Fixtures.PASSWORD);
        browser.open("/shortages?warehouse=" + warehouse);
        browser.visible(By.cssSelector(".pager"));
        assertThat(sections(browser)).isEqualTo(50);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".pager .pager-summary"))
                        .getText())
                .contains("130");
        assertThat(pageBytes(browser)).isLessThan(300_000);
        // grouped quantities with the unit: the first item needs its max line, 1,001 - 0 on hand
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("1,001 PCS");

        browser.driver().findElement(By.cssSelector(".pager a[rel=next]")).click();
        browser.await("page 2", d -> d.getCurrentUrl().contains("page=1"));
        assertThat(browser.currentPath()).contains("warehouse=" + warehouse);
        assertThat(sections(browser)).isEqualTo(50);

        browser.open("/shortages?warehouse=" + warehouse + "&page=2");
        assertThat(sections(browser)).isEqualTo(30);
        assertThat(pageBytes(browser)).isLessThan(300_000);
    }
}
