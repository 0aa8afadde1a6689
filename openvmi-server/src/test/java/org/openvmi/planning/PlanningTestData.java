package org.openvmi.planning;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemCommand;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.testsupport.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Master data and demand history for planning tests: warehouses with a bin each, items with sources; the demand
 * history also for tests of other features ({@link #cyclingDemand(JdbcClient, String, String, LocalDate, int,
 * String...)}).
 */
public final class PlanningTestData {

    private final ItemCatalog items;
    private final WarehouseCatalog warehouses;
    private final SupplierCatalog suppliers;
    private final JdbcClient jdbc;

    PlanningTestData(ItemCatalog items, WarehouseCatalog warehouses, SupplierCatalog suppliers, JdbcClient jdbc) {
        this.items = items;
        this.warehouses = warehouses;
        this.suppliers = suppliers;
        this.jdbc = jdbc;
    }

    /** A new warehouse with one storage bin (code = warehouse + "-B1"); returns the warehouse code. */
    String warehouse() {
        String code = Fixtures.unique("PW");
        WarehouseCommand w = new WarehouseCommand();
        w.setCode(code);
        w.setName("计划仓 " + code);
        warehouses.create(w);
        LocationCommand l = new LocationCommand();
        l.setCode(code + "-B1");
        l.setType(LocationType.STORAGE);
        warehouses.createLocation(code, l);
        return code;
    }

    /** A new item on a supplier's source list (primary) with the given lead time, MOQ and pack size. */
    String item(String supplier, int leadTimeDays, String moq, String pack) {
        String code = Fixtures.unique("PI");
        ItemCommand c = new ItemCommand();
        c.setCode(code);
        c.setName("计划物料 " + code);
        c.setUom("PCS");
        c.setCategory("plan-test");
        items.create(c);
        if (supplier != null) {
            SupplierItemCommand s = new SupplierItemCommand();
            s.setItem(code);
            s.setPrice(new BigDecimal("2.50"));
            s.setCurrency("CNY");
            s.setLeadTimeDays(leadTimeDays);
            s.setMoq(new BigDecimal(moq));
            s.setPackSize(new BigDecimal(pack));
            s.setPrimary(true);
            suppliers.addSource(supplier, s);
        }
        return code;
    }

    /** Puts an existing item on another supplier's source list, not as its primary source. */
    void backupSource(String item, String supplier, int leadTimeDays) {
        SupplierItemCommand s = new SupplierItemCommand();
        s.setItem(item);
        s.setPrice(new BigDecimal("2.70"));
        s.setCurrency("CNY");
        s.setLeadTimeDays(leadTimeDays);
        s.setPrimary(false);
        suppliers.addSource(supplier, s);
    }

    /** The last day of the last complete week the run reads (the Sunday before today). */
    static LocalDate lastSunday(LocalDate today) {
        return today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    }

    /** {@code weeks} weeks of demand, {@code perWeek} on the Wednesday of each week, ending with the last complete week. */
    void weeklyDemand(String item, String warehouse, LocalDate today, int weeks, String perWeek) {
        cyclingDemand(item, warehouse, today, weeks, perWeek);
    }

    /** As {@link #weeklyDemand}, the weeks taking the quantities in turn (a demand that varies: safety stock > 0). */
    void cyclingDemand(String item, String warehouse, LocalDate today, int weeks, String... perWeek) {
        cyclingDemand(jdbc, item, warehouse, today, weeks, perWeek);
    }

    /**
     * {@code weeks} weeks of demand history of an item at a warehouse (codes), on the Wednesday of each week and ending
     * with the last complete week before {@code today}, the weeks taking the quantities {@code perWeek} in turn.
     */
    public static void cyclingDemand(
            JdbcClient jdbc, String item, String warehouse, LocalDate today, int weeks, String... perWeek) {
        LocalDate sunday = lastSunday(today);
        List<LocalDate> days = new ArrayList<>();
        for (int k = 0; k < weeks; k++) {
            days.add(sunday.minusDays(7L * k + 4));
        }
        for (int k = 0; k < days.size(); k++) {
            LocalDate d = days.get(k);
            jdbc.sql("""
                    INSERT INTO demand_history (item_id, warehouse_id, demand_date, qty)
                    VALUES ((SELECT id FROM item WHERE code = :i), (SELECT id FROM warehouse WHERE code = :w), :d, :q)""")
                    .param("i", item)
                    .param("w", warehouse)
                    .param("d", java.sql.Date.valueOf(d))
                    .param("q", new BigDecimal(perWeek[k % perWeek.length]))
                    .update();
        }
    }
}
