package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.LocationType;
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
 * listed: they change nothing there. The SQL reads inventory's tables only; a location's warehouse and type come from
 * catalog (one query for the locations read, the warehouse filter is catalog's fragment), ADR 0052.
 */
@Component
class InventoryOpenSupply implements OpenSupply {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CatalogRefs catalog;

    InventoryOpenSupply(JdbcClient jdbc, Clock clock, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalog = catalog;
    }

    /** A transfer's item with its quantities, before catalog says where its locations are. */
    private record TransferRow(
            long id,
            String status,
            long itemId,
            long fromLocationId,
            long toLocationId,
            Timestamp createdAt,
            Timestamp shippedAt,
            BigDecimal qty,
            BigDecimal inTransit) {}

    /** An active reservation before catalog says where its location is. */
    private record ReservationRow(
            long id, long itemId, long locationId, Timestamp createdAt, BigDecimal qty, LocalDate due) {}

    @Override
    @Transactional(readOnly = true)
    public List<Line> open(Long itemId, Long warehouseId) {
        List<Line> out = new ArrayList<>();
        List<TransferRow> transfers = jdbc.sql("""
                SELECT t.id, t.status, tl.item_id, t.from_location_id, t.to_location_id, t.created_at, t.shipped_at,
                       SUM(tl.qty), SUM(tl.shipped_qty - tl.received_qty)
                FROM stock_transfer t JOIN stock_transfer_line tl ON tl.transfer_id = t.id
                WHERE t.status IN ('DRAFT', 'SHIPPED', 'PARTIALLY_RECEIVED')
                  AND (CAST(:i AS BIGINT) IS NULL OR tl.item_id = :i)
                  AND (CAST(:w AS BIGINT) IS NULL OR\s""" + CatalogRefs.locationInWarehouse("t.from_location_id", "w")
                        + " OR " + CatalogRefs.locationInWarehouse("t.to_location_id", "w") + """
                )
                GROUP BY t.id, t.status, tl.item_id, t.from_location_id, t.to_location_id, t.created_at, t.shipped_at
                ORDER BY t.id""")
                .param("i", itemId)
                .param("w", warehouseId)
                .query((rs, n) -> new TransferRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getTimestamp(6),
                        rs.getTimestamp(7),
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9)))
                .list();
        List<ReservationRow> reservations = jdbc.sql("""
                SELECT r.id, r.item_id, r.location_id, r.created_at, r.qty, r.due_on
                FROM stock_reservation r
                WHERE r.status = 'ACTIVE'
                  AND (CAST(:i AS BIGINT) IS NULL OR r.item_id = :i)
                  AND (CAST(:w AS BIGINT) IS NULL OR\s""" + CatalogRefs.locationInWarehouse("r.location_id", "w") + """
                )
                ORDER BY r.id""")
                .param("i", itemId)
                .param("w", warehouseId)
                .query((rs, n) -> new ReservationRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getTimestamp(4),
                        rs.getBigDecimal(5),
                        rs.getObject(6, LocalDate.class)))
                .list();
        List<Long> locationIds = new ArrayList<>();
        transfers.forEach(t -> {
            locationIds.add(t.fromLocationId());
            locationIds.add(t.toLocationId());
        });
        reservations.forEach(r -> locationIds.add(r.locationId()));
        Map<Long, LocationRef> locations = catalog.locationsById(locationIds);
        for (TransferRow t : transfers) {
            long from = locations.get(t.fromLocationId()).warehouseId();
            long to = locations.get(t.toLocationId()).warehouseId();
            if (from == to) {
                continue; // inside one warehouse: changes nothing there
            }
            String document = "TRF-" + t.id();
            if ("DRAFT".equals(t.status())) {
                LocalDate date = date(t.createdAt());
                if (warehouseId == null || warehouseId == from) {
                    out.add(new Line(
                            t.itemId(),
                            from,
                            date,
                            Event.TRANSFER_OUT,
                            document,
                            null,
                            t.qty().negate()));
                }
                if (warehouseId == null || warehouseId == to) {
                    out.add(new Line(t.itemId(), to, date, Event.TRANSFER_IN, document, null, t.qty()));
                }
            } else if (t.inTransit().signum() > 0 && (warehouseId == null || warehouseId == to)) {
                out.add(new Line(
                        t.itemId(), to, date(t.shippedAt()), Event.TRANSFER_IN, document, null, t.inTransit()));
            }
        }
        for (ReservationRow r : reservations) {
            LocationRef location = locations.get(r.locationId());
            if (location.type() == LocationType.IN_TRANSIT) {
                continue;
            }
            out.add(new Line(
                    r.itemId(),
                    location.warehouseId(),
                    r.due() != null ? r.due() : date(r.createdAt()),
                    Event.RESERVATION,
                    "RES-" + r.id(),
                    null,
                    r.qty().negate()));
        }
        return out;
    }

    private LocalDate date(Timestamp at) {
        return at == null ? LocalDate.now(clock) : LocalDate.ofInstant(at.toInstant(), clock.getZone());
    }
}
