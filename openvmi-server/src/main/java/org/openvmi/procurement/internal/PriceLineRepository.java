package org.openvmi.procurement.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.procurement.PriceLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PO lines with their invoiced quantity and value (matched invoice lines only: a refused line is followed by a corrected
 * one, which must not count twice) and the source list's price. The SQL reads procurement's tables only; codes and
 * source-list prices come from catalog afterwards, one query per kind (ADR 0052).
 */
@Repository
public class PriceLineRepository {

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    PriceLineRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A PO line before catalog's codes. */
    private record Row(
            long supplierId,
            long itemId,
            long warehouseId,
            long poId,
            int lineNo,
            LocalDate orderedOn,
            BigDecimal qty,
            BigDecimal price,
            BigDecimal invoicedQty,
            BigDecimal invoicedValue) {}

    public List<PriceLine> lines(String supplier, String warehouse, LocalDate from, LocalDate to) {
        Long supplierId =
                supplier == null ? null : catalog.suppliers(List.of(supplier)).get(supplier);
        Long warehouseId = warehouse == null
                ? null
                : catalog.warehouses(List.of(warehouse)).get(warehouse);
        if ((supplier != null && supplierId == null) || (warehouse != null && warehouseId == null)) {
            return List.of();
        }
        List<Row> rows = jdbc.sql("""
                SELECT po.supplier_id, po.id AS po_id, l.line_no, l.item_id, po.warehouse_id, po.ordered_on, l.qty, l.price,
                       COALESCE((SELECT SUM(il.qty) FROM proc_invoice_line il WHERE il.po_line_id = l.id
                                   AND il.match_status = 'MATCHED'), 0) AS inv_qty,
                       COALESCE((SELECT SUM(il.qty * il.price) FROM proc_invoice_line il WHERE il.po_line_id = l.id
                                   AND il.match_status = 'MATCHED'), 0)
                           AS inv_value
                FROM proc_po_line l
                JOIN proc_purchase_order po ON po.id = l.po_id
                WHERE (CAST(:supplier AS BIGINT) IS NULL OR po.supplier_id = :supplier)
                  AND (CAST(:warehouse AS BIGINT) IS NULL OR po.warehouse_id = :warehouse)
                  AND po.status <> 'CANCELLED' AND po.ordered_on >= :from AND po.ordered_on <= :to
                ORDER BY po.id, l.line_no""")
                .param("supplier", supplierId)
                .param("warehouse", warehouseId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new Row(
                        rs.getLong("supplier_id"),
                        rs.getLong("item_id"),
                        rs.getLong("warehouse_id"),
                        rs.getLong("po_id"),
                        rs.getInt("line_no"),
                        rs.getDate("ordered_on").toLocalDate(),
                        rs.getBigDecimal("qty"),
                        rs.getBigDecimal("price"),
                        rs.getBigDecimal("inv_qty"),
                        rs.getBigDecimal("inv_value")))
                .list();
        List<Long> itemIds = rows.stream().map(Row::itemId).distinct().toList();
        List<Long> supplierIds = rows.stream().map(Row::supplierId).distinct().toList();
        Map<Long, ItemRef> items = catalog.itemsById(itemIds);
        Map<Long, String> suppliers = catalog.supplierCodes(supplierIds);
        Map<Long, NamedRef> warehouses = catalog.warehousesById(
                rows.stream().map(Row::warehouseId).distinct().toList());
        Map<Long, Map<Long, CatalogRefs.SourceTerms>> terms = catalog.sourceTerms(supplierIds, itemIds);
        return rows.stream()
                .map(r -> {
                    CatalogRefs.SourceTerms t =
                            terms.getOrDefault(r.supplierId(), Map.of()).get(r.itemId());
                    return new PriceLine(
                            suppliers.get(r.supplierId()),
                            "PO-" + r.poId(),
                            r.lineNo(),
                            items.get(r.itemId()).code(),
                            warehouses.get(r.warehouseId()).code(),
                            r.orderedOn(),
                            r.qty(),
                            r.price(),
                            r.invoicedQty(),
                            r.invoicedValue(),
                            t == null ? null : t.price());
                })
                .toList();
    }
}
