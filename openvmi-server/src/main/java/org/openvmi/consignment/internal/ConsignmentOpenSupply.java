package org.openvmi.consignment.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.LocationRef;
import org.openvmi.shared.OpenSupply;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * VMI's open supply: shipments not yet fully received (shipped − received, by expected date, else today) and
 * call-offs still to be shipped (requested, proposed or confirmed, by needed-by date). A call-off has no link to the
 * shipment that fills it, so the quantity the same supplier shipped of the item to the same location after the
 * call-off was raised fills the open call-offs in needed-by order (shipped ones included, as the shipments filled
 * them in that order: {@code Shipments}); only the unfilled rest is still to come. The SQL reads consignment's tables
 * only; a location's warehouse comes from catalog ({@link CatalogRefs#locationsById}, one query for all the locations
 * read; the warehouse filter is catalog's fragment), ADR 0052.
 */
@Component
class ConsignmentOpenSupply implements OpenSupply {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CatalogRefs catalog;

    ConsignmentOpenSupply(JdbcClient jdbc, Clock clock, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalog = catalog;
    }

    private record CallOff(
            long id,
            long supplierId,
            long itemId,
            long locationId,
            LocalDate date,
            BigDecimal qty,
            Instant createdAt) {}

    /** A shipment's open quantity of an item at one location (summed per warehouse once catalog says which). */
    private record InTransit(
            long shipmentId, long itemId, long locationId, Timestamp expected, long supplierId, BigDecimal qty) {}

    /** A shipment's open quantity of an item per warehouse, in shipment order. */
    private record ShipmentKey(long shipmentId, long itemId, long warehouseId, Timestamp expected, long supplierId) {}

    private record Shipped(long supplierId, long itemId, long locationId, Instant at, BigDecimal qty) {}

    @Override
    @Transactional(readOnly = true)
    public List<Line> open(Long itemId, Long warehouseId) {
        LocalDate today = LocalDate.now(clock);
        List<Line> out = new ArrayList<>();
        List<InTransit> inTransit = jdbc.sql("""
                SELECT sh.id, sl.item_id, sl.location_id, sh.expected_at, sh.supplier_id,
                       SUM(sl.shipped_qty - sl.received_qty)
                FROM vmi_shipment sh JOIN vmi_shipment_line sl ON sl.shipment_id = sh.id
                WHERE sh.status IN ('IN_TRANSIT', 'PARTIALLY_RECEIVED') AND sl.shipped_qty > sl.received_qty
                  AND (CAST(:i AS BIGINT) IS NULL OR sl.item_id = :i)
                  AND (CAST(:w AS BIGINT) IS NULL OR\s""" + CatalogRefs.locationInWarehouse("sl.location_id", "w") + """
                )
                GROUP BY sh.id, sl.item_id, sl.location_id, sh.expected_at, sh.supplier_id
                ORDER BY sh.id""")
                .param("i", itemId)
                .param("w", warehouseId)
                .query((rs, n) -> new InTransit(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getTimestamp(4),
                        rs.getLong(5),
                        rs.getBigDecimal(6)))
                .list();
        List<CallOff> callOffs = jdbc.sql("""
                SELECT c.id, c.supplier_id, c.item_id, c.location_id, c.needed_by, c.qty, c.created_at
                FROM vmi_calloff c
                WHERE c.status IN ('REQUESTED', 'PROPOSED', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED')
                  AND (CAST(:i AS BIGINT) IS NULL OR c.item_id = :i)
                  AND (CAST(:w AS BIGINT) IS NULL OR\s""" + CatalogRefs.locationInWarehouse("c.location_id", "w") + """
                )
                ORDER BY c.needed_by, c.id""")
                .param("i", itemId)
                .param("w", warehouseId)
                .query((rs, n) -> new CallOff(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getBigDecimal(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
        List<Long> locationIds = new ArrayList<>();
        inTransit.forEach(t -> locationIds.add(t.locationId()));
        callOffs.forEach(c -> locationIds.add(c.locationId()));
        Map<Long, LocationRef> locations = catalog.locationsById(locationIds);
        // per shipment, item and warehouse as the join grouped them: the lines of one shipment at two locations of a
        // warehouse add up
        Map<ShipmentKey, BigDecimal> shipments = new LinkedHashMap<>();
        for (InTransit t : inTransit) {
            shipments.merge(
                    new ShipmentKey(
                            t.shipmentId(),
                            t.itemId(),
                            locations.get(t.locationId()).warehouseId(),
                            t.expected(),
                            t.supplierId()),
                    t.qty(),
                    BigDecimal::add);
        }
        shipments.forEach((k, qty) -> out.add(new Line(
                k.itemId(),
                k.warehouseId(),
                k.expected() == null ? today : LocalDate.ofInstant(k.expected().toInstant(), clock.getZone()),
                Event.VMI_SHIPMENT,
                "ASN-" + k.shipmentId(),
                k.supplierId(),
                qty)));
        if (callOffs.isEmpty()) {
            return out;
        }
        Instant since = callOffs.stream()
                .map(CallOff::createdAt)
                .min(Instant::compareTo)
                .orElseThrow();
        List<Shipped> shipped = jdbc.sql("""
                SELECT sh.supplier_id, sl.item_id, sl.location_id, sh.created_at, sl.shipped_qty
                FROM vmi_shipment sh JOIN vmi_shipment_line sl ON sl.shipment_id = sh.id
                WHERE sh.created_at >= :since
                  AND (CAST(:i AS BIGINT) IS NULL OR sl.item_id = :i)
                  AND (CAST(:w AS BIGINT) IS NULL OR\s""" + CatalogRefs.locationInWarehouse("sl.location_id", "w") + """
                )
                ORDER BY sh.created_at, sh.id""")
                .param("since", Timestamp.from(since))
                .param("i", itemId)
                .param("w", warehouseId)
                .query((rs, n) -> new Shipped(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBigDecimal(5)))
                .list();
        Map<CallOff, BigDecimal> rest = new HashMap<>();
        callOffs.forEach(c -> rest.put(c, c.qty()));
        for (Shipped s : shipped) {
            BigDecimal left = s.qty();
            for (CallOff c : callOffs) {
                if (left.signum() <= 0) {
                    break;
                }
                if (c.supplierId() != s.supplierId()
                        || c.itemId() != s.itemId()
                        || c.locationId() != s.locationId()
                        || c.createdAt().isAfter(s.at())) {
                    continue;
                }
                BigDecimal fill = left.min(rest.get(c));
                rest.put(c, rest.get(c).subtract(fill));
                left = left.subtract(fill);
            }
        }
        for (CallOff c : callOffs) {
            if (rest.get(c).signum() > 0) {
                out.add(new Line(
                        c.itemId(),
                        locations.get(c.locationId()).warehouseId(),
                        c.date(),
                        Event.CALL_OFF,
                        "CO-" + c.id(),
                        c.supplierId(),
                        rest.get(c)));
            }
        }
        return out;
    }
}
