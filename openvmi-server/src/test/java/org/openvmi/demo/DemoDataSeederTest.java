package org.openvmi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemQuery;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.planning.DemandHistory;
import org.openvmi.shared.PageRequest;
import org.openvmi.testsupport.H2TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(
        properties = {
            "openvmi.demo-data=true",
            "openvmi.security.bcrypt-strength=4",
            "openvmi.planning.replan=false",
            "logging.level.org.openvmi.demo=INFO"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = H2TestDatabase.class)
class DemoDataSeederTest {

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    DemandHistory demand;

    @Autowired
    DemoDataSeeder seeder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void an_empty_database_gets_the_demo_buyer_with_its_master_data() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supplier_stock")
                        .query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM supplier_item")
                        .query(Long.class)
                        .single());
        assertThat(items.count()).isEqualTo(200);
        assertThat(warehouses.count()).isEqualTo(3);
        assertThat(suppliers.count()).isEqualTo(8);
        assertThat(warehouses.locations("WH-SH"))
                .extracting(l -> l.type().name())
                .contains("STORAGE", "VMI", "RECEIVING", "IN_TRANSIT");
        assertThat(items.categories()).hasSizeGreaterThanOrEqualTo(8);
        // every item has exactly one primary source
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT item_id) FROM supplier_item WHERE is_primary")
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supplier_item WHERE is_primary")
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
    }

    @Test
    void the_demo_users_of_the_api_contract_can_sign_in_and_supplier_users_see_only_their_supplier() throws Exception {
        for (String user : List.of("admin", "buyer", "warehouse", "finance", "planner", "viewer")) {
            mvc.perform(get("/api/v1/items").param("size", "1").with(httpBasic(user, "demo123")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.totalElements").value(200));
        }
        mvc.perform(get("/api/v1/suppliers").with(httpBasic("sup-s001", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].code").value("S001"));
    }

    @Test
    void a_year_of_daily_demand_has_smooth_and_intermittent_series() {
        assertThat(demand.count()).isGreaterThan(50_000);
        LocalDate today = LocalDate.now();
        List<Long> itemIds = items.find(ItemQuery.ALL, PageRequest.of(0, 200)).content().stream()
                .map(i -> i.id())
                .toList();
        long warehouseId = warehouses.get("WH-SH").id();
        int intermittent = 0;
        int daily = 0;
        for (long itemId : itemIds) {
            Map<LocalDate, BigDecimal> days = demand.daily(itemId, warehouseId, today.minusDays(366), today);
            assertThat(days.keySet()).allMatch(d -> d.isBefore(today));
            if (days.size() < 365 * 0.3) {
                intermittent++;
            }
            if (days.size() > 365 * 0.8) {
                daily++;
            }
        }
        assertThat(intermittent).as("items demanded on fewer than 30 % of days").isBetween(20, 120);
        assertThat(daily).as("items demanded on most days").isGreaterThan(40);
    }

    @Test
    void seeding_again_changes_nothing() {
        long before = demand.count();
        seeder.run(null);
        assertThat(items.count()).isEqualTo(200);
        assertThat(demand.count()).isEqualTo(before);
    }
}
