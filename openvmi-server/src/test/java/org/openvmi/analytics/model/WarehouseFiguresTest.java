package org.openvmi.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarehouseFiguresTest {

    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);

    private static DailyFigures row(SnapshotKey k, int day, String closing, String value, String in, String out) {
        return new DailyFigures(
                k,
                D1.plusDays(day - 1),
                new BigDecimal(closing),
                new BigDecimal(value),
                new BigDecimal(in),
                new BigDecimal(out),
                BigDecimal.ZERO,
                new BigDecimal(out));
    }

    @Test
    void value_per_warehouse_and_owner_own_stock_first_and_empty_keys_left_out() {
        SnapshotKey ownA = new SnapshotKey("I1", "WA", SnapshotKey.OWN);
        SnapshotKey supA = new SnapshotKey("I2", "WA", "S-1");
        SnapshotKey ownA2 = new SnapshotKey("I3", "WA", SnapshotKey.OWN);
        SnapshotKey emptyB = new SnapshotKey("I1", "WB", SnapshotKey.OWN);
        Map<SnapshotKey, List<DailyFigures>> rows = new LinkedHashMap<>();
        rows.put(supA, List.of(row(supA, 1, "4", "20", "4", "0")));
        rows.put(ownA, List.of(row(ownA, 1, "10", "20", "10", "0"), row(ownA, 3, "5", "10", "0", "5")));
        rows.put(ownA2, List.of(row(ownA2, 2, "1", "1.5", "1", "0")));
        rows.put(emptyB, List.of(row(emptyB, 1, "0", "0", "0", "0")));
        // on day 2: I1 still 20 (its day-3 row is later), I3 1.5
        assertThat(WarehouseFigures.valueByWarehouseAndOwner(rows, D1.plusDays(1)))
                .containsExactly(
                        new WarehouseFigures.OwnerValue("WA", "OWN", new BigDecimal("21.50")),
                        new WarehouseFigures.OwnerValue("WA", "S-1", new BigDecimal("20.00")));
    }

    @Test
    void days_carry_closings_forward_and_count_stockouts_only_where_there_was_demand() {
        // I1 at WA: two owners; own runs out on day 2, the supplier's on day 3 → the item × warehouse is out from day 3
        SnapshotKey own = new SnapshotKey("I1", "WA", SnapshotKey.OWN);
        SnapshotKey sup = new SnapshotKey("I1", "WA", "S-1");
        // I2 at WA: at zero all along, never demanded → never counted
        SnapshotKey idle = new SnapshotKey("I2", "WA", SnapshotKey.OWN);
        Map<SnapshotKey, List<DailyFigures>> rows = new LinkedHashMap<>();
        rows.put(own, List.of(row(own, 0, "3", "3", "3", "0"), row(own, 2, "0", "0", "0", "3")));
        rows.put(sup, List.of(row(sup, 0, "2", "2", "2", "0"), row(sup, 3, "0", "0", "0", "2")));
        rows.put(idle, List.of(row(idle, 0, "0", "0", "0", "0")));
        List<WarehouseFigures.Day> days = WarehouseFigures.days(rows, new Period(D1, D1.plusDays(3)));
        assertThat(days).extracting(WarehouseFigures.Day::stockouts).containsExactly(0, 0, 1, 1);
        assertThat(days).extracting(d -> d.issueQty().intValue()).containsExactly(0, 3, 2, 0);
        assertThat(days).extracting(d -> d.receiptQty().intValue()).containsExactly(0, 0, 0, 0);
        assertThat(days.get(0).day()).isEqualTo(D1);
    }
}
