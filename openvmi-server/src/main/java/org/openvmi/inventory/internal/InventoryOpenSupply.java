package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.shared.OpenSupply;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inventory's open supply and demand between warehouses: a DRAFT transfer takes its quantity out of the sending
 * warehouse and brings it into the receiving one; a shipped transfer brings what is still in transit (shipped −
 * received) into the receiving one (its stock sits on a transit location, which is not on hand anywhere). Active
 * reservations hold stock out of the warehouse from the day the stock is due (their due date), else from the day
 * they were made. Transfers inside one warehouse are not
 * listed: they change nothing there.
 */
@Component
class InventoryOpenSupply implements OpenSupply {

    private final JdbcClient jdbc;
    private final Clock clock;

    InventoryOpenSupply(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Line> open(Long itemId, Long warehouseId) {
        List<Line> out = new ArrayList<>();
        jdbc.sql("""
                SELECT t.id, t.status, tl.item_id, f.warehouse_id, d.warehouse_id, t.created_at, t.shipped_at,
                       SUM(tl.qty), SUM(tl.shipped_qty - tl.received_qty)
                FROM stock_transfer t JOIN stock_transfer_line tl ON tl.transfer_id = t.id
                JOIN location f ON f.id = t.from_location_id JOIN location d ON d.id = t.to_location_id
                WHERE t.status IN ('DRAFT', 'SHIPPED', 'PARTIALLY_RECEIVED') AND f.warehouse_id <> d.warehouse_id
                  AND (CAST(:i AS BIGINT) IS NULL OR tl.item_id = :i)
                  AND (CAST(:w AS BIGINT) IS NULL OR f.warehouse_id = :w OR d.warehouse_id = :w)
                GROUP BY t.id, t.status, tl.item_id, f.warehouse_id, d.warehouse_id, t.created_at, t.shipped_at
                ORDER BY t.id""").param("i", itemId).param("w", warehouseId).query(rs -> {
            String document = "TRF-" + rs.getLong(1);
            long item = rs.getLong(3);
            long from = rs.getLong(4);
            long to = rs.getLong(5);
            if ("DRAFT".equals(rs.getString(2))) {
                LocalDate date = date(rs.getTimestamp(6));
                BigDecimal qty = rs.getBigDecimal(8);
                if (warehouseId == null || warehouseId == from) {
                    out.add(new Line(item, from, date, Event.TRANSFER_OUT, document, null, qty.negate()));
                }
                if (warehouseId == null || warehouseId == to) {
                    out.add(new Line(item, to, date, Event.TRANSFER_IN, document, null, qty));
                }
            } else {
                BigDecimal qty = rs.getBigDecimal(9);
                if (qty.signum() > 0 && (warehouseId == null || warehouseId == to)) {
                    out.add(new Line(item, to, date(rs.getTimestamp(7)), Event.TRANSFER_IN, document, null, qty));
                }
            }
        });
        jdbc.sql("""
                SELECT r.id, r.item_id, l.warehouse_id, r.created_at, r.qty, r.due_on
                FROM stock_reservation r JOIN location l ON l.id = r.location_id
                WHERE r.status = 'ACTIVE' AND l.type <> 'IN_TRANSIT'
                  AND (CAST(:i AS BIGINT) IS NULL OR r.item_id = :i)
                  AND (CAST(:w AS BIGINT) IS NULL OR l.warehouse_id = :w)
                ORDER BY r.id""").param("i", itemId).param("w", warehouseId).query(rs -> {
            LocalDate due = rs.getObject(6, LocalDate.class);
            out.add(new Line(
                    rs.getLong(2),
                    rs.getLong(3),
                    due != null ? due : date(rs.getTimestamp(4)),
                    Event.RESERVATION,
                    "RES-" + rs.getLong(1),
                    null,
                    rs.getBigDecimal(5).negate()));
        });
        return out;
    }

    private LocalDate date(Timestamp at) {
        return at == null ? LocalDate.now(clock) : LocalDate.ofInstant(at.toInstant(), clock.getZone());
    }
}
