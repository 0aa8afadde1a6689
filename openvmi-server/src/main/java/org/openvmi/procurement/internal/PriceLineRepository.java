package org.openvmi.procurement.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.procurement.PriceLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PO lines with their invoiced quantity and value (matched invoice lines only: a refused line is followed by a corrected
 * one, which must not count twice) and the source list's price.
 */
@Repository
public class PriceLineRepository {

    private final JdbcClient jdbc;

    PriceLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PriceLine> lines(String supplier, String warehouse, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT s.code AS supplier, po.id AS po_id, l.line_no, i.code AS item, w.code AS warehouse, po.ordered_on, l.qty, l.price,
                       COALESCE((SELECT SUM(il.qty) FROM proc_invoice_line il WHERE il.po_line_id = l.id
                                   AND il.match_status = 'MATCHED'), 0) AS inv_qty,
                       COALESCE((SELECT SUM(il.qty * il.price) FROM proc_invoice_line il WHERE il.po_line_id = l.id
                                   AND il.match_status = 'MATCHED'), 0)
                           AS inv_value,
                       si.price AS source_price
                FROM proc_po_line l
                JOIN proc_purchase_order po ON po.id = l.po_id
                JOIN supplier s ON s.id = po.supplier_id
                JOIN item i ON i.id = l.item_id
                JOIN warehouse w ON w.id = po.warehouse_id
                LEFT JOIN supplier_item si ON si.supplier_id = s.id AND si.item_id = l.item_id
                WHERE (CAST(:supplier AS VARCHAR(64)) IS NULL OR s.code = :supplier)
                  AND (CAST(:warehouse AS VARCHAR(64)) IS NULL OR w.code = :warehouse)
                  AND po.status <> 'CANCELLED' AND po.ordered_on >= :from AND po.ordered_on <= :to
                ORDER BY po.id, l.line_no""")
                .param("supplier", supplier)
                .param("warehouse", warehouse)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new PriceLine(
                        rs.getString("supplier"),
                        "PO-" + rs.getLong("po_id"),
                        rs.getInt("line_no"),
                        rs.getString("item"),
                        rs.getString("warehouse"),
                        rs.getDate("ordered_on").toLocalDate(),
                        rs.getBigDecimal("qty"),
                        rs.getBigDecimal("price"),
                        rs.getBigDecimal("inv_qty"),
                        rs.getBigDecimal("inv_value"),
                        rs.getBigDecimal("source_price")))
                .list();
    }
}
