package org.openvmi.procurement.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.procurement.model.PoNumber;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.procurement.model.ShipmentNoticeStatus;
import org.openvmi.shared.OpenSupply;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Procurement's open supply: the open rest of each PO line (ordered − received; a cancelled PO or a line closed short
 * has none) by its confirmed date, else needed-by, else order date; the part of it a supplier's shipment notice has
 * announced moves to the notice's expected date. Requisitions not yet ordered (draft — an accepted suggestion starts
 * as one —, submitted, approved) by their needed-by date.
 */
@Component
class ProcurementOpenSupply implements OpenSupply {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcurementOpenSupply(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record PoLine(
            long lineId,
            long poId,
            int lineNo,
            long itemId,
            long warehouseId,
            long supplierId,
            LocalDate date,
            BigDecimal open) {}

    @Override
    @Transactional(readOnly = true)
    public List<Line> open(Long itemId, Long warehouseId) {
        List<PoLine> lines = jdbc.sql("""
                SELECT l.id, po.id, l.line_no, l.item_id, po.warehouse_id, po.supplier_id,
                       COALESCE(l.confirmed_date, l.needed_by, po.ordered_on), l.qty - l.received_qty
                FROM proc_po_line l JOIN proc_purchase_order po ON po.id = l.po_id
                WHERE po.status IN (:receivable)
                  AND l.line_status = 'OPEN' AND l.qty > l.received_qty
                  AND (CAST(:i AS BIGINT) IS NULL OR l.item_id = :i)
                  AND (CAST(:w AS BIGINT) IS NULL OR po.warehouse_id = :w)
                ORDER BY po.id, l.line_no""")
                .param("i", itemId)
                .param("w", warehouseId)
                .param("receivable", PurchaseOrderStatus.receivableNames())
                .query((rs, n) -> new PoLine(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getBigDecimal(8)))
                .list();
        Map<Long, BigDecimal> announced = new HashMap<>();
        List<Line> out = new ArrayList<>();
        if (!lines.isEmpty()) {
            Map<Long, PoLine> byId = new HashMap<>();
            lines.forEach(l -> byId.put(l.lineId(), l));
            jdbc.sql("""
                    SELECT l.id, n.id, n.expected_on, nl.qty
                    FROM proc_shipment_notice n JOIN proc_shipment_notice_line nl ON nl.notice_id = n.id
                    JOIN proc_purchase_order po ON po.id = n.po_id
                    JOIN proc_po_line l ON l.po_id = n.po_id AND l.line_no = nl.po_line_no
                    WHERE n.status = :inTransit
                      AND po.status IN (:receivable)
                      AND (CAST(:i AS BIGINT) IS NULL OR l.item_id = :i)
                      AND (CAST(:w AS BIGINT) IS NULL OR po.warehouse_id = :w)
                    ORDER BY n.expected_on, n.id, nl.line_no""")
                    .param("i", itemId)
                    .param("w", warehouseId)
                    .param("receivable", PurchaseOrderStatus.receivableNames())
                    .param("inTransit", ShipmentNoticeStatus.IN_TRANSIT.name())
                    .query(rs -> {
                        PoLine line = byId.get(rs.getLong(1));
                        if (line == null) {
                            return;
                        }
                        BigDecimal used = announced.getOrDefault(line.lineId(), BigDecimal.ZERO);
                        BigDecimal qty = rs.getBigDecimal(4).min(line.open().subtract(used));
                        if (qty.signum() > 0) {
                            announced.put(line.lineId(), used.add(qty));
                            out.add(new Line(
                                    line.itemId(),
                                    line.warehouseId(),
                                    rs.getObject(3, LocalDate.class),
                                    Event.SHIPMENT_NOTICE,
                                    "SN-" + rs.getLong(2),
                                    line.supplierId(),
                                    qty));
                        }
                    });
        }
        for (PoLine l : lines) {
            BigDecimal rest = l.open().subtract(announced.getOrDefault(l.lineId(), BigDecimal.ZERO));
            if (rest.signum() > 0) {
                out.add(new Line(
                        l.itemId(),
                        l.warehouseId(),
                        l.date(),
                        Event.PO_LINE,
                        PoNumber.format(l.poId()) + "/" + l.lineNo(),
                        l.supplierId(),
                        rest));
            }
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                SELECT r.id, rl.item_id, r.warehouse_id, rl.needed_by, rl.qty
                FROM proc_requisition r JOIN proc_requisition_line rl ON rl.requisition_id = r.id
                WHERE r.status IN ('DRAFT', 'SUBMITTED', 'APPROVED')
                  AND (CAST(:i AS BIGINT) IS NULL OR rl.item_id = :i)
                  AND (CAST(:w AS BIGINT) IS NULL OR r.warehouse_id = :w)
                ORDER BY r.id, rl.line_no""").param("i", itemId).param("w", warehouseId).query(rs -> {
            LocalDate needed = rs.getObject(4, LocalDate.class);
            out.add(new Line(
                    rs.getLong(2),
                    rs.getLong(3),
                    needed == null ? today : needed,
                    Event.REQUISITION,
                    "REQ-" + rs.getLong(1),
                    null,
                    rs.getBigDecimal(5)));
        });
        return out;
    }
}
