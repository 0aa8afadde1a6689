package org.openvmi.consignment.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.consignment.ShipmentView;
import org.openvmi.consignment.model.ShipmentStatus;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * ASNs, their lines and receipts; reads limited to the caller's party scope. The SQL reads consignment's tables only;
 * supplier, item and location codes come from catalog, one query per kind for a shipment or a page (ADR 0052).
 */
@Repository
public class ShipmentRepository {

    /** The shipment list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "sh.id DESC",
            "sh.id",
            "no",
            "sh.id",
            "supplier",
            CatalogRefs.supplierCode("sh.supplier_id"),
            "status",
            "sh.status",
            "expected",
            "sh.expected_at",
            "reference",
            "sh.reference");

    public record NewLine(long agreementId, long itemId, long locationId, String lot, BigDecimal qty) {}

    /** A line as receiving needs it. */
    public record OpenLine(
            long id,
            int lineNo,
            long itemId,
            String item,
            long locationId,
            String location,
            String lot,
            BigDecimal shipped,
            BigDecimal received) {
        public BigDecimal open() {
            return shipped.subtract(received);
        }
    }

    public record Head(long id, long supplierId, String supplier, String status, long rowVersion) {}

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    ShipmentRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public long insert(
            long supplierId, Instant expectedAt, String reference, List<NewLine> lines, String user, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("s", supplierId);
        p.put("e", Sql.ts(expectedAt));
        p.put("r", reference);
        p.put("u", user);
        p.put("now", Sql.ts(now));
        p.put("status", ShipmentStatus.IN_TRANSIT.name());
        long id = Sql.insert(jdbc, """
                INSERT INTO vmi_shipment (supplier_id, status, expected_at, reference, created_by, created_at)
                VALUES (:s, :status, :e, :r, :u, :now)""", p);
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            jdbc.sql("""
                    INSERT INTO vmi_shipment_line (shipment_id, line_no, agreement_id, item_id, location_id, lot, shipped_qty)
                    VALUES (:id, :no, :a, :i, :l, :lot, :q)""")
                    .param("id", id)
                    .param("no", i + 1)
                    .param("a", l.agreementId())
                    .param("i", l.itemId())
                    .param("l", l.locationId())
                    .param("lot", l.lot())
                    .param("q", l.qty())
                    .update();
        }
        return id;
    }

    public Optional<Head> head(long id, PartyScope scope) {
        return jdbc.sql("SELECT sh.id, sh.supplier_id, sh.status, sh.row_version FROM vmi_shipment sh"
                        + " WHERE sh.id = :id AND " + scope.predicate("sh.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), null, rs.getString(3), rs.getLong(4)))
                .optional()
                .map(h -> new Head(
                        h.id(),
                        h.supplierId(),
                        catalog.supplierCodes(List.of(h.supplierId())).get(h.supplierId()),
                        h.status(),
                        h.rowVersion()));
    }

    public List<OpenLine> lines(long shipmentId) {
        List<OpenLine> lines = jdbc.sql("""
                SELECT sl.id, sl.line_no, sl.item_id, sl.location_id, sl.lot, sl.shipped_qty, sl.received_qty
                FROM vmi_shipment_line sl WHERE sl.shipment_id = :id ORDER BY sl.line_no""")
                .param("id", shipmentId)
                .query((rs, n) -> new OpenLine(
                        rs.getLong("id"),
                        rs.getInt("line_no"),
                        rs.getLong("item_id"),
                        null,
                        rs.getLong("location_id"),
                        null,
                        rs.getString("lot"),
                        rs.getBigDecimal("shipped_qty"),
                        rs.getBigDecimal("received_qty")))
                .list();
        Map<Long, ItemRef> items = catalog.itemsById(
                lines.stream().map(OpenLine::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                lines.stream().map(OpenLine::locationId).distinct().toList());
        return lines.stream()
                .map(l -> new OpenLine(
                        l.id(),
                        l.lineNo(),
                        l.itemId(),
                        items.get(l.itemId()).code(),
                        l.locationId(),
                        locations.get(l.locationId()).code(),
                        l.lot(),
                        l.shipped(),
                        l.received()))
                .toList();
    }

    /** Moves the shipment to its new state if nobody changed it since {@code rowVersion} was read. */
    public boolean changeState(long id, long rowVersion, String status, Instant receivedAt) {
        return jdbc.sql("UPDATE vmi_shipment SET status = :st, row_version = row_version + 1"
                                + (receivedAt == null ? "" : ", received_at = :at")
                                + " WHERE id = :id AND row_version = :v")
                        .param("st", status)
                        .param("at", Sql.ts(receivedAt == null ? Instant.EPOCH : receivedAt))
                        .param("id", id)
                        .param("v", rowVersion)
                        .update()
                == 1;
    }

    public void received(
            long lineId,
            BigDecimal qty,
            long itemId,
            long locationId,
            String lot,
            String owner,
            long postingId,
            String user,
            Instant now) {
        jdbc.sql("UPDATE vmi_shipment_line SET received_qty = received_qty + :q WHERE id = :id")
                .param("q", qty)
                .param("id", lineId)
                .update();
        Map<String, Object> p = new HashMap<>();
        p.put("sl", lineId);
        p.put("i", itemId);
        p.put("l", locationId);
        p.put("lot", lot);
        p.put("q", qty);
        p.put("o", owner);
        p.put("p", postingId);
        p.put("u", user);
        p.put("now", Sql.ts(now));
        jdbc.sql("""
                INSERT INTO vmi_receipt (shipment_line_id, item_id, location_id, lot, qty, owner, posting_id, received_by,
                    received_at) VALUES (:sl, :i, :l, :lot, :q, :o, :p, :u, :now)""").params(p).update();
    }

    /** When each lot of the item first arrived at the location (the FIFO order of consumption). */
    public Map<String, Instant> firstReceipts(long itemId, long locationId) {
        Map<String, Instant> first = new HashMap<>();
        jdbc.sql(
                        "SELECT lot, MIN(received_at) AS first_at FROM vmi_receipt WHERE item_id = :i AND location_id = :l GROUP BY lot")
                .param("i", itemId)
                .param("l", locationId)
                .query((rs, n) -> first.put(rs.getString("lot"), Sql.instant(rs, "first_at")))
                .list();
        return first;
    }

    private static final String LIST = """
            FROM vmi_shipment sh
            WHERE %s""";

    public PageResult<ShipmentView> find(String status, PartyScope scope, PageRequest page) {
        return find(status, null, scope, page);
    }

    /** {@code expectedBefore}: only shipments expected before that instant (due today or late); null for all. */
    public PageResult<ShipmentView> find(String status, Instant expectedBefore, PartyScope scope, PageRequest page) {
        String where = LIST.formatted(scope.predicate("sh.supplier_id")
                + (status == null ? "" : " AND sh.status = :st")
                + (expectedBefore == null ? "" : " AND sh.expected_at < :before"));
        Timestamp before = expectedBefore == null ? null : Timestamp.from(expectedBefore);
        long total = jdbc.sql("SELECT COUNT(*) " + where)
                .param("scopeSupplierId", scope.supplierIdParam())
                .param("st", String.valueOf(status))
                .param("before", before)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("SELECT sh.id " + where + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .param("scopeSupplierId", scope.supplierIdParam())
                .param("st", String.valueOf(status))
                .param("before", before)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Long.class)
                .list();
        return new PageResult<>(views(ids, scope), page.page(), page.size(), total);
    }

    public Optional<ShipmentView> view(long id, PartyScope scope) {
        return views(List.of(id), scope).stream().findFirst();
    }

    /** A shipment before catalog's supplier code. */
    private record Row(long supplierId, ShipmentView view) {}

    /** A shipment line before catalog's item and location codes. */
    private record LineRow(long shipmentId, long itemId, long locationId, ShipmentView.Line line) {}

    /**
     * The visible shipments among {@code ids}, in that order, with their lines: one query for the heads, one for the
     * lines, one catalog query per kind.
     */
    private List<ShipmentView> views(List<Long> ids, PartyScope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> heads = new HashMap<>();
        jdbc.sql("SELECT sh.id, sh.supplier_id, sh.status, sh.expected_at, sh.reference, sh.created_by, sh.created_at,"
                        + " sh.received_at "
                        + LIST.formatted("sh.id IN (:ids) AND " + scope.predicate("sh.supplier_id")))
                .param("ids", ids)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> heads.put(
                        rs.getLong(1),
                        new Row(
                                rs.getLong(2),
                                new ShipmentView(
                                        rs.getLong(1),
                                        null,
                                        rs.getString(3),
                                        Sql.instant(rs, "expected_at"),
                                        rs.getString("reference"),
                                        rs.getString("created_by"),
                                        Sql.instant(rs, "created_at"),
                                        Sql.instant(rs, "received_at"),
                                        List.of()))))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<LineRow> lines = jdbc.sql("""
                SELECT sl.shipment_id, sl.line_no, sl.agreement_id, sl.item_id, sl.location_id, sl.lot,
                       sl.shipped_qty, sl.received_qty
                FROM vmi_shipment_line sl WHERE sl.shipment_id IN (:ids) ORDER BY sl.shipment_id, sl.line_no""")
                .param("ids", List.copyOf(heads.keySet()))
                .query((rs, n) -> new LineRow(
                        rs.getLong("shipment_id"),
                        rs.getLong("item_id"),
                        rs.getLong("location_id"),
                        new ShipmentView.Line(
                                rs.getInt("line_no"),
                                rs.getLong("agreement_id"),
                                null,
                                null,
                                null,
                                rs.getString("lot").isEmpty() ? null : rs.getString("lot"),
                                Decimals.plain(rs.getBigDecimal("shipped_qty")),
                                Decimals.plain(rs.getBigDecimal("received_qty")),
                                Decimals.plain(
                                        rs.getBigDecimal("shipped_qty").subtract(rs.getBigDecimal("received_qty"))))))
                .list();
        Map<Long, String> suppliers = catalog.supplierCodes(
                heads.values().stream().map(Row::supplierId).distinct().toList());
        Map<Long, ItemRef> items =
                catalog.itemsById(lines.stream().map(LineRow::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                lines.stream().map(LineRow::locationId).distinct().toList());
        Map<Long, List<ShipmentView.Line>> linesOf = new HashMap<>();
        for (LineRow r : lines) {
            ShipmentView.Line l = r.line();
            ItemRef item = items.get(r.itemId());
            linesOf.computeIfAbsent(r.shipmentId(), k -> new java.util.ArrayList<>())
                    .add(new ShipmentView.Line(
                            l.line(),
                            l.agreementId(),
                            item.code(),
                            item.name(),
                            locations.get(r.locationId()).code(),
                            l.lot(),
                            l.shipped(),
                            l.received(),
                            l.difference()));
        }
        return ids.stream()
                .filter(heads::containsKey)
                .map(id -> {
                    Row row = heads.get(id);
                    ShipmentView v = row.view();
                    return new ShipmentView(
                            v.id(),
                            suppliers.get(row.supplierId()),
                            v.status(),
                            v.expectedAt(),
                            v.reference(),
                            v.createdBy(),
                            v.createdAt(),
                            v.receivedAt(),
                            linesOf.getOrDefault(id, List.of()));
                })
                .toList();
    }
}
