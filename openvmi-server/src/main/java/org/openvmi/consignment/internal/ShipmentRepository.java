package org.openvmi.consignment.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.consignment.ShipmentView;
import org.openvmi.consignment.model.ShipmentStatus;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** ASNs, their lines and receipts; reads limited to the caller's party scope. */
@Repository
public class ShipmentRepository {

    /** The shipment list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "sh.id DESC",
            "sh.id",
            "no",
            "sh.id",
            "supplier",
            "s.code",
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

    ShipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql("SELECT sh.id, sh.supplier_id, s.code, sh.status, sh.row_version FROM vmi_shipment sh"
                        + " JOIN supplier s ON s.id = sh.supplier_id WHERE sh.id = :id AND "
                        + scope.predicate("sh.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) ->
                        new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .optional();
    }

    public List<OpenLine> lines(long shipmentId) {
        return jdbc.sql("""
                SELECT sl.id, sl.line_no, sl.item_id, i.code AS item, sl.location_id, lo.code AS location, sl.lot,
                       sl.shipped_qty, sl.received_qty
                FROM vmi_shipment_line sl JOIN item i ON i.id = sl.item_id JOIN location lo ON lo.id = sl.location_id
                WHERE sl.shipment_id = :id ORDER BY sl.line_no""")
                .param("id", shipmentId)
                .query((rs, n) -> new OpenLine(
                        rs.getLong("id"),
                        rs.getInt("line_no"),
                        rs.getLong("item_id"),
                        rs.getString("item"),
                        rs.getLong("location_id"),
                        rs.getString("location"),
                        rs.getString("lot"),
                        rs.getBigDecimal("shipped_qty"),
                        rs.getBigDecimal("received_qty")))
                .list();
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
            FROM vmi_shipment sh JOIN supplier s ON s.id = sh.supplier_id
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
        return new PageResult<>(
                ids.stream().map(id -> view(id, scope).orElseThrow()).toList(), page.page(), page.size(), total);
    }

    public Optional<ShipmentView> view(long id, PartyScope scope) {
        return jdbc.sql("SELECT sh.id, s.code, sh.status, sh.expected_at, sh.reference, sh.created_by, sh.created_at,"
                        + " sh.received_at " + LIST.formatted("sh.id = :id AND " + scope.predicate("sh.supplier_id")))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new ShipmentView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Sql.instant(rs, "expected_at"),
                        rs.getString("reference"),
                        rs.getString("created_by"),
                        Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "received_at"),
                        List.of()))
                .optional()
                .map(v -> new ShipmentView(
                        v.id(),
                        v.supplier(),
                        v.status(),
                        v.expectedAt(),
                        v.reference(),
                        v.createdBy(),
                        v.createdAt(),
                        v.receivedAt(),
                        viewLines(id)));
    }

    private List<ShipmentView.Line> viewLines(long id) {
        return jdbc.sql("""
                SELECT sl.line_no, sl.agreement_id, i.code AS item, i.name AS item_name, lo.code AS location, sl.lot,
                       sl.shipped_qty, sl.received_qty
                FROM vmi_shipment_line sl JOIN item i ON i.id = sl.item_id JOIN location lo ON lo.id = sl.location_id
                WHERE sl.shipment_id = :id ORDER BY sl.line_no""")
                .param("id", id)
                .query((rs, n) -> new ShipmentView.Line(
                        rs.getInt("line_no"),
                        rs.getLong("agreement_id"),
                        rs.getString("item"),
                        rs.getString("item_name"),
                        rs.getString("location"),
                        rs.getString("lot").isEmpty() ? null : rs.getString("lot"),
                        Decimals.plain(rs.getBigDecimal("shipped_qty")),
                        Decimals.plain(rs.getBigDecimal("received_qty")),
                        Decimals.plain(rs.getBigDecimal("shipped_qty").subtract(rs.getBigDecimal("received_qty")))))
                .list();
    }
}
