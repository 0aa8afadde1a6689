package org.openvmi.consignment.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.consignment.VmiFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads for {@link VmiFacts}: SLA episodes, statements and settlement amounts by supplier and warehouse code. */
@Repository
public class VmiFactsRepository {

    private final JdbcClient jdbc;

    VmiFactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<VmiFacts.SlaEpisode> episodes(String supplier, String warehouse, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT s.code AS supplier, i.code AS item, w.code AS warehouse, e.below_since, e.due_at,
                       e.replenished_at, e.late_hours, e.stockout_hours, e.stockout_since,
                       v.penalty_per_late_hour, v.penalty_per_stockout_day
                FROM vmi_sla_episode e JOIN supplier s ON s.id = e.supplier_id JOIN item i ON i.id = e.item_id
                JOIN location l ON l.id = e.location_id JOIN warehouse w ON w.id = l.warehouse_id
                JOIN vmi_agreement a ON a.id = e.agreement_id
                JOIN vmi_agreement_version v ON v.agreement_id = a.id AND v.version_no = a.current_version
                WHERE (CAST(:supplier AS VARCHAR(64)) IS NULL OR s.code = :supplier)
                  AND (CAST(:warehouse AS VARCHAR(64)) IS NULL OR w.code = :warehouse)
                  AND e.due_at >= :from AND e.due_at < :to
                ORDER BY e.id""")
                .param("supplier", supplier)
                .param("warehouse", warehouse)
                .param("from", Sql.ts(from))
                .param("to", Sql.ts(to))
                .query((rs, n) -> new VmiFacts.SlaEpisode(
                        rs.getString("supplier"),
                        rs.getString("item"),
                        rs.getString("warehouse"),
                        Sql.instant(rs, "below_since"),
                        Sql.instant(rs, "due_at"),
                        Sql.instant(rs, "replenished_at"),
                        rs.getBigDecimal("late_hours"),
                        rs.getBigDecimal("stockout_hours"),
                        Sql.instant(rs, "stockout_since"),
                        rs.getBigDecimal("penalty_per_late_hour"),
                        rs.getBigDecimal("penalty_per_stockout_day")))
                .list();
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

    public List<CallOffRow> callOffs(String supplier, String warehouse, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT c.id, s.code AS supplier, i.code AS item, w.code AS warehouse, c.qty, c.needed_by, c.shipped_qty,
                       (SELECT COALESCE(SUM(f.qty), 0) FROM vmi_calloff_fill f WHERE f.calloff_id = c.id) AS filled,
                       (SELECT COUNT(*) FROM vmi_calloff_fill f JOIN vmi_shipment_line sl ON sl.id = f.shipment_line_id
                          JOIN vmi_shipment sh ON sh.id = sl.shipment_id
                        WHERE f.calloff_id = c.id AND sh.received_at IS NULL) AS open_shipments,
                       (SELECT MAX(sh.received_at) FROM vmi_calloff_fill f
                          JOIN vmi_shipment_line sl ON sl.id = f.shipment_line_id
                          JOIN vmi_shipment sh ON sh.id = sl.shipment_id WHERE f.calloff_id = c.id) AS received_at
                FROM vmi_calloff c JOIN supplier s ON s.id = c.supplier_id JOIN item i ON i.id = c.item_id
                JOIN location l ON l.id = c.location_id JOIN warehouse w ON w.id = l.warehouse_id
                WHERE c.status IN ('CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED')
                  AND (CAST(:supplier AS VARCHAR(64)) IS NULL OR s.code = :supplier)
                  AND (CAST(:warehouse AS VARCHAR(64)) IS NULL OR w.code = :warehouse)
                  AND c.needed_by >= :from AND c.needed_by <= :to
                ORDER BY c.needed_by, c.id""")
                .param("supplier", supplier)
                .param("warehouse", warehouse)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new CallOffRow(
                        rs.getLong("id"),
                        rs.getString("supplier"),
                        rs.getString("item"),
                        rs.getString("warehouse"),
                        rs.getBigDecimal("qty"),
                        Sql.date(rs, "needed_by"),
                        rs.getBigDecimal("shipped_qty"),
                        rs.getBigDecimal("filled"),
                        rs.getLong("open_shipments"),
                        Sql.instant(rs, "received_at")))
                .list();
    }

    /** Statements issued in [from, to) (both null: every statement). */
    public List<VmiFacts.Statement> statements(String supplier, Instant from, Instant to) {
        String period = from == null ? "" : " AND st.issued_at >= :fromTs AND st.issued_at < :toTs";
        var sql = jdbc.sql("""
                SELECT st.id, s.code AS supplier, st.period_from, st.period_to, st.status, st.total, st.issued_at,
                       st.disputed_at
                FROM vmi_settlement_statement st JOIN supplier s ON s.id = st.supplier_id
                WHERE (CAST(:supplier AS VARCHAR(64)) IS NULL OR s.code = :supplier)""" + period + " ORDER BY st.period_from DESC, st.id DESC")
                .param("supplier", supplier);
        if (from != null) {
            sql = sql.param("fromTs", Sql.ts(from)).param("toTs", Sql.ts(to));
        }
        return sql.query((rs, n) -> new VmiFacts.Statement(
                        rs.getLong("id"),
                        rs.getString("supplier"),
                        Sql.date(rs, "period_from"),
                        Sql.date(rs, "period_to"),
                        rs.getString("status"),
                        rs.getBigDecimal("total"),
                        Sql.instant(rs, "issued_at"),
                        Sql.instant(rs, "disputed_at")))
                .list();
    }

    public List<VmiFacts.Consumption> consumption(String supplier, String warehouse, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT s.code AS supplier, i.code AS item, sl.occurred_on, SUM(sl.amount) AS amount
                FROM vmi_settlement_line sl JOIN supplier s ON s.id = sl.supplier_id JOIN item i ON i.id = sl.item_id
                JOIN location l ON l.id = sl.location_id JOIN warehouse w ON w.id = l.warehouse_id
                WHERE (CAST(:supplier AS VARCHAR(64)) IS NULL OR s.code = :supplier)
                  AND (CAST(:warehouse AS VARCHAR(64)) IS NULL OR w.code = :warehouse)
                  AND sl.occurred_on >= :from AND sl.occurred_on <= :to
                GROUP BY s.code, i.code, sl.occurred_on ORDER BY s.code, sl.occurred_on, i.code""")
                .param("supplier", supplier)
                .param("warehouse", warehouse)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new VmiFacts.Consumption(
                        rs.getString("supplier"),
                        rs.getString("item"),
                        Sql.date(rs, "occurred_on"),
                        rs.getBigDecimal("amount")))
                .list();
    }
}
