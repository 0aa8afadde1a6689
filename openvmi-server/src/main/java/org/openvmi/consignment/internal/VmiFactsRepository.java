package org.openvmi.consignment.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.consignment.VmiFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads for {@link VmiFacts}: SLA episodes, statements and settlement amounts by supplier and warehouse code. The SQL
 * reads consignment's tables only: the supplier and warehouse codes asked for are resolved to ids first (an unknown
 * one finds nothing, as the joins did), a location's warehouse is tested with catalog's fragment, and the codes of the
 * rows come from catalog afterwards, one query per kind (ADR 0052).
 */
@Repository
public class VmiFactsRepository {

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    VmiFactsRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The ids of the codes asked for; {@code known} false when one is given but unknown (nothing matches then). */
    private record Ids(Long supplier, Long warehouse, boolean known) {}

    private Ids ids(String supplier, String warehouse) {
        Long s = supplier == null ? null : catalog.suppliers(List.of(supplier)).get(supplier);
        Long w = warehouse == null
                ? null
                : catalog.warehouses(List.of(warehouse)).get(warehouse);
        return new Ids(s, w, (supplier == null || s != null) && (warehouse == null || w != null));
    }

    private static final String WHERE_SUPPLIER_AND_WAREHOUSE =
            "(CAST(:supplier AS BIGINT) IS NULL OR %s = :supplier)" + " AND (CAST(:warehouse AS BIGINT) IS NULL OR %s)";

    private static String supplierAndWarehouse(String supplierIdColumn, String locationIdColumn) {
        return WHERE_SUPPLIER_AND_WAREHOUSE.formatted(
                supplierIdColumn, CatalogRefs.locationInWarehouse(locationIdColumn, "warehouse"));
    }

    private record EpisodeRow(long supplierId, long itemId, long locationId, VmiFacts.SlaEpisode episode) {}

    public List<VmiFacts.SlaEpisode> episodes(String supplier, String warehouse, Instant from, Instant to) {
        Ids ids = ids(supplier, warehouse);
        if (!ids.known()) {
            return List.of();
        }
        List<EpisodeRow> rows = jdbc.sql("""
                SELECT e.supplier_id, e.item_id, e.location_id, e.below_since, e.due_at,
                       e.replenished_at, e.late_hours, e.stockout_hours, e.stockout_since,
                       v.penalty_per_late_hour, v.penalty_per_stockout_day
                FROM vmi_sla_episode e
                JOIN vmi_agreement a ON a.id = e.agreement_id
                JOIN vmi_agreement_version v ON v.agreement_id = a.id AND v.version_no = a.current_version
                WHERE\s""" + supplierAndWarehouse("e.supplier_id", "e.location_id") + """

                  AND e.due_at >= :from AND e.due_at < :to
                ORDER BY e.id""")
                .param("supplier", ids.supplier())
                .param("warehouse", ids.warehouse())
                .param("from", Sql.ts(from))
                .param("to", Sql.ts(to))
                .query((rs, n) -> new EpisodeRow(
                        rs.getLong("supplier_id"),
                        rs.getLong("item_id"),
                        rs.getLong("location_id"),
                        new VmiFacts.SlaEpisode(
                                null,
                                null,
                                null,
                                Sql.instant(rs, "below_since"),
                                Sql.instant(rs, "due_at"),
                                Sql.instant(rs, "replenished_at"),
                                rs.getBigDecimal("late_hours"),
                                rs.getBigDecimal("stockout_hours"),
                                Sql.instant(rs, "stockout_since"),
                                rs.getBigDecimal("penalty_per_late_hour"),
                                rs.getBigDecimal("penalty_per_stockout_day"))))
                .list();
        Map<Long, String> suppliers = catalog.supplierCodes(
                rows.stream().map(EpisodeRow::supplierId).distinct().toList());
        Map<Long, ItemRef> items = catalog.itemsById(
                rows.stream().map(EpisodeRow::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                rows.stream().map(EpisodeRow::locationId).distinct().toList());
        return rows.stream()
                .map(r -> {
                    VmiFacts.SlaEpisode e = r.episode();
                    return new VmiFacts.SlaEpisode(
                            suppliers.get(r.supplierId()),
                            items.get(r.itemId()).code(),
                            locations.get(r.locationId()).warehouse(),
                            e.belowSince(),
                            e.dueAt(),
                            e.replenishedAt(),
                            e.lateHours(),
                            e.stockoutHours(),
                            e.stockoutSince(),
                            e.penaltyPerLateHour(),
                            e.penaltyPerStockoutDay());
                })
                .toList();
    }

    /** A confirmed call-off with what shipments filled of it, how many of those are not received in full yet, and the
     * last receipt time of those that are. */
    public record CallOffRow(
            long id,
            String supplier,
            String item,
            String warehouse,
            BigDecimal qty,
            LocalDate neededBy,
            BigDecimal shipped,
            BigDecimal filled,
            long openShipments,
            Instant receivedAt) {}

    private record CallOffIds(long supplierId, long itemId, long locationId, CallOffRow row) {}

    public List<CallOffRow> callOffs(String supplier, String warehouse, LocalDate from, LocalDate to) {
        Ids ids = ids(supplier, warehouse);
        if (!ids.known()) {
            return List.of();
        }
        List<CallOffIds> rows = jdbc.sql("""
                SELECT c.id, c.supplier_id, c.item_id, c.location_id, c.qty, c.needed_by, c.shipped_qty,
                       (SELECT COALESCE(SUM(f.qty), 0) FROM vmi_calloff_fill f WHERE f.calloff_id = c.id) AS filled,
                       (SELECT COUNT(*) FROM vmi_calloff_fill f JOIN vmi_shipment_line sl ON sl.id = f.shipment_line_id
                          JOIN vmi_shipment sh ON sh.id = sl.shipment_id
                        WHERE f.calloff_id = c.id AND sh.received_at IS NULL) AS open_shipments,
                       (SELECT MAX(sh.received_at) FROM vmi_calloff_fill f
                          JOIN vmi_shipment_line sl ON sl.id = f.shipment_line_id
                          JOIN vmi_shipment sh ON sh.id = sl.shipment_id WHERE f.calloff_id = c.id) AS received_at
                FROM vmi_calloff c
                WHERE c.status IN ('CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED')
                  AND\s""" + supplierAndWarehouse("c.supplier_id", "c.location_id") + """

                  AND c.needed_by >= :from AND c.needed_by <= :to
                ORDER BY c.needed_by, c.id""")
                .param("supplier", ids.supplier())
                .param("warehouse", ids.warehouse())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new CallOffIds(
                        rs.getLong("supplier_id"),
                        rs.getLong("item_id"),
                        rs.getLong("location_id"),
                        new CallOffRow(
                                rs.getLong("id"),
                                null,
                                null,
                                null,
                                rs.getBigDecimal("qty"),
                                Sql.date(rs, "needed_by"),
                                rs.getBigDecimal("shipped_qty"),
                                rs.getBigDecimal("filled"),
                                rs.getLong("open_shipments"),
                                Sql.instant(rs, "received_at"))))
                .list();
        Map<Long, String> suppliers = catalog.supplierCodes(
                rows.stream().map(CallOffIds::supplierId).distinct().toList());
        Map<Long, ItemRef> items = catalog.itemsById(
                rows.stream().map(CallOffIds::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                rows.stream().map(CallOffIds::locationId).distinct().toList());
        return rows.stream()
                .map(r -> {
                    CallOffRow c = r.row();
                    return new CallOffRow(
                            c.id(),
                            suppliers.get(r.supplierId()),
                            items.get(r.itemId()).code(),
                            locations.get(r.locationId()).warehouse(),
                            c.qty(),
                            c.neededBy(),
                            c.shipped(),
                            c.filled(),
                            c.openShipments(),
                            c.receivedAt());
                })
                .toList();
    }

    private record StatementRow(long supplierId, VmiFacts.Statement statement) {}

    /** Statements issued in [from, to) (both null: every statement). */
    public List<VmiFacts.Statement> statements(String supplier, Instant from, Instant to) {
        Ids ids = ids(supplier, null);
        if (!ids.known()) {
            return List.of();
        }
        String period = from == null ? "" : " AND st.issued_at >= :fromTs AND st.issued_at < :toTs";
        var sql = jdbc.sql("""
                SELECT st.id, st.supplier_id, st.period_from, st.period_to, st.status, st.total, st.issued_at,
                       st.disputed_at
                FROM vmi_settlement_statement st
                WHERE (CAST(:supplier AS BIGINT) IS NULL OR st.supplier_id = :supplier)""" + period + " ORDER BY st.period_from DESC, st.id DESC")
                .param("supplier", ids.supplier());
        if (from != null) {
            sql = sql.param("fromTs", Sql.ts(from)).param("toTs", Sql.ts(to));
        }
        List<StatementRow> rows = sql.query((rs, n) -> new StatementRow(
                        rs.getLong("supplier_id"),
                        new VmiFacts.Statement(
                                rs.getLong("id"),
                                null,
                                Sql.date(rs, "period_from"),
                                Sql.date(rs, "period_to"),
                                rs.getString("status"),
                                rs.getBigDecimal("total"),
                                Sql.instant(rs, "issued_at"),
                                Sql.instant(rs, "disputed_at"))))
                .list();
        Map<Long, String> suppliers = catalog.supplierCodes(
                rows.stream().map(StatementRow::supplierId).distinct().toList());
        return rows.stream()
                .map(r -> {
                    VmiFacts.Statement s = r.statement();
                    return new VmiFacts.Statement(
                            s.id(),
                            suppliers.get(r.supplierId()),
                            s.from(),
                            s.to(),
                            s.status(),
                            s.total(),
                            s.issuedAt(),
                            s.disputedAt());
                })
                .toList();
    }

    private record ConsumptionRow(long supplierId, long itemId, LocalDate day, BigDecimal amount) {}

    public List<VmiFacts.Consumption> consumption(String supplier, String warehouse, LocalDate from, LocalDate to) {
        Ids ids = ids(supplier, warehouse);
        if (!ids.known()) {
            return List.of();
        }
        // per supplier, item and day (codes are unique, so as the join grouped by code), sorted by catalog's codes
        List<ConsumptionRow> rows = jdbc.sql("""
                SELECT sl.supplier_id, sl.item_id, sl.occurred_on, SUM(sl.amount) AS amount
                FROM vmi_settlement_line sl
                WHERE\s""" + supplierAndWarehouse("sl.supplier_id", "sl.location_id") + """

                  AND sl.occurred_on >= :from AND sl.occurred_on <= :to
                GROUP BY sl.supplier_id, sl.item_id, sl.occurred_on
                ORDER BY\s"""
                        + CatalogRefs.supplierCode("sl.supplier_id") + ", sl.occurred_on, "
                        + CatalogRefs.itemCode("sl.item_id"))
                .param("supplier", ids.supplier())
                .param("warehouse", ids.warehouse())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new ConsumptionRow(
                        rs.getLong("supplier_id"),
                        rs.getLong("item_id"),
                        Sql.date(rs, "occurred_on"),
                        rs.getBigDecimal("amount")))
                .list();
        Map<Long, String> suppliers = catalog.supplierCodes(
                rows.stream().map(ConsumptionRow::supplierId).distinct().toList());
        Map<Long, ItemRef> items = catalog.itemsById(
                rows.stream().map(ConsumptionRow::itemId).distinct().toList());
        return rows.stream()
                .map(r -> new VmiFacts.Consumption(
                        suppliers.get(r.supplierId()), items.get(r.itemId()).code(), r.day(), r.amount()))
                .toList();
    }
}
