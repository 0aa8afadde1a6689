package org.openvmi.consignment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.consignment.StatementView;
import org.openvmi.consignment.model.StatementStatus;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consumptions, settlement lines and statements; reads limited to the caller's party scope. The SQL reads
 * consignment's tables only; supplier, item and location codes and names come from catalog, one query per kind for a
 * statement or a page, and lists filter and sort by supplier code through catalog's fragments (ADR 0052).
 */
@Repository
public class SettlementRepository {

    /** The statement list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "st.id DESC",
            "st.id",
            "no",
            "st.id",
            "supplier",
            CatalogRefs.supplierCode("st.supplier_id"),
            "period",
            "st.period_from",
            "status",
            "st.status",
            "total",
            "st.total");

    public record NewLine(
            long supplierId,
            long agreementId,
            int versionNo,
            String kind,
            long itemId,
            long locationId,
            String lot,
            BigDecimal qty,
            BigDecimal price,
            BigDecimal amount,
            String currency,
            String reference,
            long postingId,
            Instant at,
            LocalDate on) {}

    public record Head(long id, long supplierId, String status, long rowVersion, LocalDate from, LocalDate to) {}

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    SettlementRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public long insertConsumption(
            long itemId, long locationId, BigDecimal qty, String reference, long postingId, String user, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("i", itemId);
        p.put("l", locationId);
        p.put("q", qty);
        p.put("r", reference);
        p.put("p", postingId);
        p.put("u", user);
        p.put("now", Sql.ts(now));
        return Sql.insert(jdbc, """
                INSERT INTO vmi_consumption (item_id, location_id, qty, reference, posting_id, consumed_by, consumed_at)
                VALUES (:i, :l, :q, :r, :p, :u, :now)""", p);
    }

    public void insertLine(NewLine l) {
        Map<String, Object> p = new HashMap<>();
        p.put("s", l.supplierId());
        p.put("a", l.agreementId());
        p.put("v", l.versionNo());
        p.put("k", l.kind());
        p.put("i", l.itemId());
        p.put("l", l.locationId());
        p.put("lot", l.lot());
        p.put("q", l.qty());
        p.put("pr", l.price());
        p.put("am", l.amount());
        p.put("c", l.currency());
        p.put("r", l.reference());
        p.put("p", l.postingId());
        p.put("at", Sql.ts(l.at()));
        p.put("on", l.on());
        jdbc.sql("""
                INSERT INTO vmi_settlement_line (supplier_id, agreement_id, version_no, kind, item_id, location_id, lot,
                    qty, price, amount, currency, reference, posting_id, occurred_at, occurred_on)
                VALUES (:s, :a, :v, :k, :i, :l, :lot, :q, :pr, :am, :c, :r, :p, :at, :on)""").params(p).update();
    }

    /** Currencies of the supplier's lines not yet on a statement, up to the day {@code to}. */
    public List<String> openCurrencies(long supplierId, LocalDate to) {
        return jdbc.sql("""
                SELECT DISTINCT currency FROM vmi_settlement_line
                WHERE supplier_id = :s AND statement_id IS NULL AND occurred_on <= :to ORDER BY currency""").param("s", supplierId).param("to", to).query(String.class).list().stream()
                .map(String::trim)
                .toList();
    }

    /** What a statement of the supplier up to {@code to} would hold: its open lines, their total and currencies. */
    public record OpenLines(
            long supplierId,
            String supplier,
            String supplierName,
            List<String> currencies,
            int lines,
            BigDecimal amount) {}

    /** Every supplier's open lines up to {@code to} (one query), or one supplier's with {@code supplierId}. */
    public List<OpenLines> openLines(LocalDate to, Long supplierId) {
        Map<Long, OpenLines> bySupplier = new LinkedHashMap<>();
        // by supplier code as the join sorted them (catalog's fragment), code and name from catalog after
        jdbc.sql("""
                SELECT sl.supplier_id, sl.currency, COUNT(*) AS n, COALESCE(SUM(sl.amount), 0) AS amount
                FROM vmi_settlement_line sl
                WHERE sl.statement_id IS NULL AND sl.occurred_on <= :to""" + (supplierId == null ? "" : " AND sl.supplier_id = :s")
                        + " GROUP BY sl.supplier_id, sl.currency ORDER BY " + CatalogRefs.supplierCode("sl.supplier_id")
                        + ", sl.currency")
                .param("to", to)
                .param("s", supplierId == null ? 0L : supplierId)
                .query((rs, n) -> bySupplier.merge(
                        rs.getLong(1),
                        new OpenLines(
                                rs.getLong(1),
                                null,
                                null,
                                List.of(rs.getString(2).trim()),
                                rs.getInt(3),
                                rs.getBigDecimal(4)),
                        (a, b) -> new OpenLines(
                                a.supplierId(),
                                a.supplier(),
                                a.supplierName(),
                                java.util.stream.Stream.concat(a.currencies().stream(), b.currencies().stream())
                                        .toList(),
                                a.lines() + b.lines(),
                                a.amount().add(b.amount()))))
                .list();
        Map<Long, NamedRef> suppliers = catalog.suppliersById(bySupplier.keySet());
        return bySupplier.values().stream()
                .map(o -> new OpenLines(
                        o.supplierId(),
                        suppliers.get(o.supplierId()).code(),
                        suppliers.get(o.supplierId()).name(),
                        o.currencies(),
                        o.lines(),
                        o.amount()))
                .toList();
    }

    /** The statements of a period by supplier id (id and status): one supplier and period make one statement. */
    public Map<Long, Head> statementsOf(LocalDate from, LocalDate to, Long supplierId) {
        Map<Long, Head> heads = new HashMap<>();
        jdbc.sql("""
                SELECT id, supplier_id, status, row_version, period_from, period_to FROM vmi_settlement_statement
                WHERE period_from = :f AND period_to = :t""" + (supplierId == null ? "" : " AND supplier_id = :s"))
                .param("f", from)
                .param("t", to)
                .param("s", supplierId == null ? 0L : supplierId)
                .query((rs, n) -> heads.put(
                        rs.getLong(2),
                        new Head(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getLong(4),
                                Sql.date(rs, "period_from"),
                                Sql.date(rs, "period_to"))))
                .list();
        return heads;
    }

    /**
     * A DRAFT statement with every line of the supplier up to {@code to} not yet on a statement (lines of earlier
     * periods that came after their statement was made are carried over into this one).
     */
    public long createStatement(
            long supplierId,
            LocalDate from,
            LocalDate to,
            String currency,
            BigDecimal taxRate,
            String user,
            Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("s", supplierId);
        p.put("f", from);
        p.put("t", to);
        p.put("c", currency);
        p.put("tax", taxRate);
        p.put("u", user);
        p.put("now", Sql.ts(now));
        p.put("status", StatementStatus.DRAFT.name());
        long id = Sql.insert(jdbc, """
                INSERT INTO vmi_settlement_statement (supplier_id, period_from, period_to, status, currency, total, tax_rate,
                    created_by, created_at) VALUES (:s, :f, :t, :status, :c, 0, :tax, :u, :now)""", p);
        jdbc.sql("""
                UPDATE vmi_settlement_line SET statement_id = :id
                WHERE supplier_id = :s AND statement_id IS NULL AND occurred_on <= :t""").param("id", id).param("s", supplierId).param("t", to).update();
        jdbc.sql("""
                UPDATE vmi_settlement_statement SET total =
                    (SELECT COALESCE(SUM(amount), 0) FROM vmi_settlement_line WHERE statement_id = :id) WHERE id = :id""").param("id", id).update();
        return id;
    }

    public Optional<Head> head(long id, PartyScope scope) {
        return jdbc.sql(
                        "SELECT id, supplier_id, status, row_version, period_from, period_to FROM vmi_settlement_statement st"
                                + " WHERE id = :id AND " + scope.predicate("st.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new Head(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        Sql.date(rs, "period_from"),
                        Sql.date(rs, "period_to")))
                .optional();
    }

    /** The state change, if nobody changed the statement since {@code rowVersion}; {@code stamp} names the time column. */
    public boolean changeState(
            long id, long rowVersion, String status, String stamp, String user, String comment, Instant now) {
        String extra = switch (stamp) {
            case "issued_at" -> ", issued_at = :now";
            case "answered_at" ->
                ", answered_at = :now, answered_by = :u, comment_text = :c"
                        // a dispute is remembered after the statement is closed (scorecard dispute share)
                        + ("DISPUTED".equals(status) ? ", disputed_at = :now" : "");
            case "closed_at" -> ", closed_at = :now";
            default -> throw new IllegalArgumentException(stamp);
        };
        return jdbc.sql("UPDATE vmi_settlement_statement SET status = :st, row_version = row_version + 1" + extra
                                + " WHERE id = :id AND row_version = :v")
                        .param("st", status)
                        .param("now", Sql.ts(now))
                        .param("u", user)
                        .param("c", comment == null ? "" : comment)
                        .param("id", id)
                        .param("v", rowVersion)
                        .update()
                == 1;
    }

    public boolean commentLine(long statementId, long lineId, String comment) {
        return jdbc.sql("UPDATE vmi_settlement_line SET line_comment = :c WHERE id = :l AND statement_id = :s")
                        .param("c", comment)
                        .param("l", lineId)
                        .param("s", statementId)
                        .update()
                == 1;
    }

    public PageResult<StatementView> find(String supplier, String status, PartyScope scope, PageRequest page) {
        String where = " FROM vmi_settlement_statement st WHERE " + scope.predicate("st.supplier_id")
                + (supplier == null ? "" : " AND " + CatalogRefs.supplierCodeIs("st.supplier_id", "sup"))
                + (status == null ? "" : " AND st.status = :st");
        long total = jdbc.sql("SELECT COUNT(*)" + where)
                .param("scopeSupplierId", scope.supplierIdParam())
                .param("sup", String.valueOf(supplier))
                .param("st", String.valueOf(status))
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("SELECT st.id" + where + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .param("scopeSupplierId", scope.supplierIdParam())
                .param("sup", String.valueOf(supplier))
                .param("st", String.valueOf(status))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Long.class)
                .list();
        List<Row> rows = new ArrayList<>();
        for (long id : ids) {
            statement(id, scope).ifPresent(rows::add);
        }
        Map<Long, NamedRef> suppliers = catalog.suppliersById(
                rows.stream().map(Row::supplierId).distinct().toList());
        return new PageResult<>(
                rows.stream()
                        .map(r -> withSupplier(r.view(), suppliers.get(r.supplierId())))
                        .toList(),
                page.page(),
                page.size(),
                total);
    }

    /** A statement's head before catalog's supplier code and name. */
    private record Row(long supplierId, StatementView view) {}

    private static StatementView withSupplier(StatementView h, NamedRef supplier) {
        return new StatementView(
                h.id(),
                supplier.code(),
                supplier.name(),
                h.from(),
                h.to(),
                h.status(),
                h.currency(),
                h.total(),
                h.taxRate(),
                h.tax(),
                h.totalWithTax(),
                h.comment(),
                h.createdBy(),
                h.createdAt(),
                h.issuedAt(),
                h.answeredBy(),
                h.answeredAt(),
                h.closedAt(),
                h.lines(),
                h.items());
    }

    public Optional<StatementView> view(long id, PartyScope scope, boolean withLines) {
        Optional<StatementView> head = statement(id, scope)
                .map(r -> withSupplier(
                        r.view(), catalog.suppliersById(List.of(r.supplierId())).get(r.supplierId())));
        if (head.isEmpty() || !withLines) {
            return head;
        }
        return Optional.of(withLines(head.get()));
    }

    private Optional<Row> statement(long id, PartyScope scope) {
        return jdbc.sql("SELECT st.* FROM vmi_settlement_statement st WHERE st.id = :id AND "
                        + scope.predicate("st.supplier_id"))
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new Row(rs.getLong("supplier_id"), headView(rs)))
                .optional();
    }

    private static StatementView headView(java.sql.ResultSet rs) throws java.sql.SQLException {
        BigDecimal total = rs.getBigDecimal("total").setScale(2);
        BigDecimal rate = rs.getBigDecimal("tax_rate");
        BigDecimal tax = rate == null ? null : total.multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP);
        return new StatementView(
                rs.getLong("id"),
                null,
                null,
                Sql.date(rs, "period_from"),
                Sql.date(rs, "period_to"),
                rs.getString("status"),
                rs.getString("currency").trim(),
                total,
                Decimals.plain(rate),
                tax,
                tax == null ? total : total.add(tax),
                rs.getString("comment_text"),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "issued_at"),
                rs.getString("answered_by"),
                Sql.instant(rs, "answered_at"),
                Sql.instant(rs, "closed_at"),
                List.of(),
                List.of());
    }

    /** A statement line before catalog's item and location. */
    private record LineRow(long itemId, long locationId, StatementView.Line line) {}

    private StatementView withLines(StatementView h) {
        List<LineRow> rows = jdbc.sql("""
                SELECT sl.id, sl.kind, sl.occurred_at, sl.occurred_on, sl.item_id, sl.location_id, sl.lot, sl.qty, sl.price,
                       sl.amount, sl.agreement_id, sl.version_no, sl.reference, sl.line_comment
                FROM vmi_settlement_line sl WHERE sl.statement_id = :id ORDER BY sl.occurred_at, sl.id""")
                .param("id", h.id())
                .query((rs, n) -> new LineRow(
                        rs.getLong("item_id"),
                        rs.getLong("location_id"),
                        new StatementView.Line(
                                rs.getLong("id"),
                                rs.getString("kind"),
                                Sql.instant(rs, "occurred_at"),
                                null,
                                null,
                                null,
                                rs.getString("lot").isEmpty() ? null : rs.getString("lot"),
                                Decimals.plain(rs.getBigDecimal("qty")),
                                Decimals.plain(rs.getBigDecimal("price")),
                                rs.getBigDecimal("amount").setScale(2),
                                rs.getLong("agreement_id"),
                                rs.getInt("version_no"),
                                rs.getString("reference"),
                                Sql.date(rs, "occurred_on").isBefore(h.from()),
                                rs.getString("line_comment"))))
                .list();
        Map<Long, ItemRef> itemRefs =
                catalog.itemsById(rows.stream().map(LineRow::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                rows.stream().map(LineRow::locationId).distinct().toList());
        List<StatementView.Line> lines = rows.stream()
                .map(r -> {
                    StatementView.Line l = r.line();
                    ItemRef item = itemRefs.get(r.itemId());
                    return new StatementView.Line(
                            l.id(),
                            l.kind(),
                            l.occurredAt(),
                            item.code(),
                            item.name(),
                            locations.get(r.locationId()).code(),
                            l.lot(),
                            l.qty(),
                            l.price(),
                            l.amount(),
                            l.agreementId(),
                            l.agreementVersion(),
                            l.reference(),
                            l.carriedOver(),
                            l.comment());
                })
                .toList();
        Map<String, StatementView.ItemTotal> items = new LinkedHashMap<>();
        for (StatementView.Line l : lines.stream()
                .sorted(java.util.Comparator.comparing(StatementView.Line::item))
                .toList()) {
            items.merge(
                    l.item(),
                    new StatementView.ItemTotal(l.item(), l.itemName(), l.qty(), l.amount()),
                    (a, b) -> new StatementView.ItemTotal(
                            a.item(),
                            a.itemName(),
                            Decimals.plain(a.qty().add(b.qty())),
                            a.amount().add(b.amount())));
        }
        return new StatementView(
                h.id(),
                h.supplier(),
                h.supplierName(),
                h.from(),
                h.to(),
                h.status(),
                h.currency(),
                h.total(),
                h.taxRate(),
                h.tax(),
                h.totalWithTax(),
                h.comment(),
                h.createdBy(),
                h.createdAt(),
                h.issuedAt(),
                h.answeredBy(),
                h.answeredAt(),
                h.closedAt(),
                lines,
                List.copyOf(items.values()));
    }
}
