package org.openvmi.procurement.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.procurement.InvoiceView;
import org.openvmi.procurement.ReconciliationView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Supplier invoices and their match results; reads are party-scoped. Also the monthly reconciliation figures. The SQL
 * reads procurement's tables only; supplier and item codes of a page come from catalog, one query per kind (ADR 0052).
 */
@Repository
public class InvoiceRepository {

    /** The invoice list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "v.id DESC",
            "v.id",
            "number",
            "v.invoice_no",
            "supplier",
            CatalogRefs.supplierCode("v.supplier_id"),
            "order",
            "v.po_id",
            "date",
            "v.invoice_date",
            "total",
            "v.total",
            "match",
            "v.match_status");

    private static final String SELECT = "SELECT v.* FROM proc_invoice v";

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    InvoiceRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public boolean exists(long supplierId, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM proc_invoice WHERE supplier_id = :s AND invoice_no = :n")
                        .param("s", supplierId)
                        .param("n", number)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(
            long supplierId,
            long poId,
            String number,
            LocalDate date,
            String currency,
            BigDecimal total,
            String status,
            String user,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proc_invoice (supplier_id, po_id, invoice_no, invoice_date, currency, total, match_status,
                                          created_by, created_at)
                VALUES (:s, :po, :n, :d, :cur, :total, :st, :user, :now)""")
                .param("s", supplierId)
                .param("po", poId)
                .param("n", number)
                .param("d", date)
                .param("cur", currency)
                .param("total", total)
                .param("st", status)
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertLine(
            long invoiceId, long poLineId, BigDecimal qty, BigDecimal price, String status, String detail) {
        jdbc.sql("""
                INSERT INTO proc_invoice_line (invoice_id, po_line_id, qty, price, match_status, detail)
                VALUES (:v, :l, :q, :p, :s, :d)""")
                .param("v", invoiceId)
                .param("l", poLineId)
                .param("q", qty)
                .param("p", price)
                .param("s", status)
                .param("d", detail)
                .update();
    }

    public Optional<InvoiceView> find(long id, PartyScope scope) {
        return jdbc.sql(SELECT + " WHERE v.id = :id AND " + scope.predicate("v.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> header(rs))
                .optional()
                .map(h -> withLines(List.of(h)).get(0));
    }

    public PageResult<InvoiceView> find(
            String status,
            Long supplierId,
            Long poId,
            LocalDate from,
            LocalDate to,
            PageRequest page,
            PartyScope scope) {
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.predicate("v.supplier_id"));
        Map<String, Object> p = new HashMap<>();
        p.put("scopeSupplierId", scope.supplierIdParam());
        if (status != null) {
            where.append(" AND v.match_status = :st");
            p.put("st", status);
        }
        if (supplierId != null) {
            where.append(" AND v.supplier_id = :sid");
            p.put("sid", supplierId);
        }
        if (poId != null) {
            where.append(" AND v.po_id = :po");
            p.put("po", poId);
        }
        if (from != null) {
            where.append(" AND v.invoice_date >= :from");
            p.put("from", from);
        }
        if (to != null) {
            where.append(" AND v.invoice_date < :to");
            p.put("to", to);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM proc_invoice v" + where)
                .params(p)
                .query(Long.class)
                .single();
        List<InvoiceView> rows =
                withLines(jdbc.sql(SELECT + where + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                        .params(p)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query((rs, n) -> header(rs))
                        .list());
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** An invoice line before catalog's item code. */
    private record LineRow(long invoiceId, long itemId, InvoiceView.Line line) {}

    /**
     * The headers (whose {@code supplier} holds the supplier's id until here) with their lines and catalog's codes: one
     * query for the lines of the page, one for its suppliers, one for its items.
     */
    private List<InvoiceView> withLines(List<InvoiceView> heads) {
        if (heads.isEmpty()) {
            return heads;
        }
        List<LineRow> lines = jdbc.sql("""
                SELECT vl.*, pl.line_no, pl.price AS po_price, pl.received_qty, pl.item_id FROM proc_invoice_line vl
                JOIN proc_po_line pl ON pl.id = vl.po_line_id
                WHERE vl.invoice_id IN (:ids) ORDER BY vl.invoice_id, vl.id""")
                .param("ids", heads.stream().map(InvoiceView::id).toList())
                .query((rs, n) -> new LineRow(
                        rs.getLong("invoice_id"),
                        rs.getLong("item_id"),
                        new InvoiceView.Line(
                                rs.getInt("line_no"),
                                null,
                                rs.getBigDecimal("qty"),
                                rs.getBigDecimal("price"),
                                rs.getBigDecimal("po_price"),
                                rs.getBigDecimal("received_qty"),
                                rs.getString("match_status"),
                                rs.getString("detail"))))
                .list();
        Map<Long, ItemRef> items =
                catalog.itemsById(lines.stream().map(LineRow::itemId).distinct().toList());
        Map<Long, String> suppliers = catalog.supplierCodes(
                heads.stream().map(h -> Long.valueOf(h.supplier())).distinct().toList());
        Map<Long, List<InvoiceView.Line>> byInvoice = new HashMap<>();
        for (LineRow r : lines) {
            InvoiceView.Line l = r.line();
            byInvoice
                    .computeIfAbsent(r.invoiceId(), k -> new java.util.ArrayList<>())
                    .add(new InvoiceView.Line(
                            l.lineNo(),
                            items.get(r.itemId()).code(),
                            l.qty(),
                            l.price(),
                            l.poPrice(),
                            l.receivedQty(),
                            l.matchStatus(),
                            l.detail()));
        }
        return heads.stream()
                .map(h -> new InvoiceView(
                        h.id(),
                        suppliers.get(Long.valueOf(h.supplier())),
                        h.purchaseOrder(),
                        h.poNumber(),
                        h.number(),
                        h.invoiceDate(),
                        h.currency(),
                        h.total(),
                        h.matchStatus(),
                        h.createdBy(),
                        h.createdAt(),
                        h.exportedAt(),
                        byInvoice.getOrDefault(h.id(), List.of())))
                .toList();
    }

    private static InvoiceView header(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp exported = rs.getTimestamp("exported_at");
        return new InvoiceView(
                rs.getLong("id"),
                // the supplier's id until withLines puts catalog's code in its place
                String.valueOf(rs.getLong("supplier_id")),
                rs.getLong("po_id"),
                "PO-" + rs.getLong("po_id"),
                rs.getString("invoice_no"),
                rs.getObject("invoice_date", LocalDate.class),
                rs.getString("currency"),
                rs.getBigDecimal("total"),
                rs.getString("match_status"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                exported == null ? null : exported.toInstant(),
                List.of());
    }

    /** Per item of one supplier: ordered, received and invoiced in [from, to), and what is open at {@code to}. */
    public List<ReconciliationView.Line> reconciliation(long supplierId, LocalDate from, LocalDate to) {
        record Row(long itemId, ReconciliationView.Line line) {}
        List<Row> rows = jdbc.sql("""
                SELECT pl.item_id,
                  COALESCE(SUM(CASE WHEN p.ordered_on >= :from AND p.ordered_on < :to THEN pl.qty END), 0) AS oq,
                  COALESCE(SUM(CASE WHEN p.ordered_on >= :from AND p.ordered_on < :to THEN pl.qty * pl.price END), 0) AS oa,
                  COALESCE(SUM((SELECT SUM(rl.qty) FROM proc_receipt_line rl JOIN proc_receipt r ON r.id = rl.receipt_id
                     WHERE rl.po_line_id = pl.id AND r.received_on >= :from AND r.received_on < :to)), 0) AS rq,
                  COALESCE(SUM((SELECT SUM(rl.qty * rl.unit_cost) FROM proc_receipt_line rl
                     JOIN proc_receipt r ON r.id = rl.receipt_id
                     WHERE rl.po_line_id = pl.id AND r.received_on >= :from AND r.received_on < :to)), 0) AS ra,
                  COALESCE(SUM((SELECT SUM(vl.qty) FROM proc_invoice_line vl JOIN proc_invoice v ON v.id = vl.invoice_id
                     WHERE vl.po_line_id = pl.id AND v.invoice_date >= :from AND v.invoice_date < :to)), 0) AS iq,
                  COALESCE(SUM((SELECT SUM(vl.qty * vl.price) FROM proc_invoice_line vl
                     JOIN proc_invoice v ON v.id = vl.invoice_id
                     WHERE vl.po_line_id = pl.id AND v.invoice_date >= :from AND v.invoice_date < :to)), 0) AS ia,
                  COALESCE(SUM(CASE WHEN p.ordered_on < :to AND p.status <> 'CLOSED' AND p.status <> 'CANCELLED'
                     THEN GREATEST(pl.qty - COALESCE((SELECT SUM(rl.qty) FROM proc_receipt_line rl
                       JOIN proc_receipt r ON r.id = rl.receipt_id WHERE rl.po_line_id = pl.id AND r.received_on < :to), 0), 0)
                     END), 0) AS open_rq,
                  COALESCE(SUM(COALESCE((SELECT SUM(rl.qty) FROM proc_receipt_line rl JOIN proc_receipt r
                       ON r.id = rl.receipt_id WHERE rl.po_line_id = pl.id AND r.received_on < :to), 0)
                     - COALESCE((SELECT SUM(vl.qty) FROM proc_invoice_line vl JOIN proc_invoice v ON v.id = vl.invoice_id
                       WHERE vl.po_line_id = pl.id AND v.invoice_date < :to AND vl.match_status = 'MATCHED'), 0)), 0) AS open_iq,
                  COALESCE(SUM(CASE WHEN p.ordered_on < :to AND p.status <> 'CLOSED' AND p.status <> 'CANCELLED'
                     THEN pl.price * GREATEST(pl.qty - COALESCE((SELECT SUM(rl.qty) FROM proc_receipt_line rl
                       JOIN proc_receipt r ON r.id = rl.receipt_id WHERE rl.po_line_id = pl.id AND r.received_on < :to), 0), 0)
                     END), 0) AS open_ra,
                  COALESCE(SUM(pl.price * (COALESCE((SELECT SUM(rl.qty) FROM proc_receipt_line rl JOIN proc_receipt r
                       ON r.id = rl.receipt_id WHERE rl.po_line_id = pl.id AND r.received_on < :to), 0)
                     - COALESCE((SELECT SUM(vl.qty) FROM proc_invoice_line vl JOIN proc_invoice v ON v.id = vl.invoice_id
                       WHERE vl.po_line_id = pl.id AND v.invoice_date < :to AND vl.match_status = 'MATCHED'), 0))), 0) AS open_ia
                FROM proc_po_line pl JOIN proc_purchase_order p ON p.id = pl.po_id
                WHERE p.supplier_id = :s AND p.ordered_on < :to
                GROUP BY pl.item_id ORDER BY\s""" + CatalogRefs.itemCode("pl.item_id"))
                .param("s", supplierId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Row(
                        rs.getLong("item_id"),
                        new ReconciliationView.Line(
                                null,
                                null,
                                rs.getBigDecimal("oq"),
                                rs.getBigDecimal("oa"),
                                rs.getBigDecimal("rq"),
                                rs.getBigDecimal("ra"),
                                rs.getBigDecimal("iq"),
                                rs.getBigDecimal("ia"),
                                rs.getBigDecimal("open_rq"),
                                rs.getBigDecimal("open_iq"),
                                rs.getBigDecimal("open_ra"),
                                rs.getBigDecimal("open_ia"))))
                .list();
        // per item (its code is unique), sorted by item code in the SQL (catalog's fragment) as the join was
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(Row::itemId).toList());
        return rows.stream()
                .map(r -> {
                    ItemRef i = items.get(r.itemId());
                    ReconciliationView.Line l = r.line();
                    return new ReconciliationView.Line(
                            i.code(),
                            i.name(),
                            l.orderedQty(),
                            l.orderedAmount(),
                            l.receivedQty(),
                            l.receivedAmount(),
                            l.invoicedQty(),
                            l.invoicedAmount(),
                            l.openToReceiveQty(),
                            l.openToInvoiceQty(),
                            l.openToReceiveAmount(),
                            l.openToInvoiceAmount());
                })
                .toList();
    }
}
