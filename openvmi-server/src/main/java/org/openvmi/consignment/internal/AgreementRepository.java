package org.openvmi.consignment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.consignment.AgreementView;
import org.openvmi.consignment.model.OwnershipMode;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.openvmi.shared.cluster.CacheVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Agreements, their versions and lines; every read is limited to the caller's party scope. The SQL reads
 * consignment's tables only; supplier, item, location and warehouse codes come from catalog (the refs a caller holds,
 * or one query per kind for a list), and lists filter and sort by codes through catalog's fragments (ADR 0052).
 */
@Repository
public class AgreementRepository {

    /** The agreement list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "a.id DESC",
            "a.id",
            "no",
            "a.id",
            "supplier",
            CatalogRefs.supplierCode("a.supplier_id"),
            "version",
            "a.current_version");

    /** The terms of one agreement line in the version in force at some moment. */
    public record Terms(
            long agreementId,
            long supplierId,
            String supplier,
            int versionNo,
            String currency,
            OwnershipMode mode,
            int replenishWithinHours,
            long itemId,
            String item,
            long locationId,
            String location,
            BigDecimal min,
            BigDecimal max,
            BigDecimal safety,
            BigDecimal price,
            BigDecimal packSize,
            BigDecimal moq,
            long warehouseId) {}

    public record NewVersion(
            String currency,
            String mode,
            String cycle,
            Integer settlementDay,
            int hours,
            LocalDate validFrom,
            LocalDate validTo,
            String penaltyTerms,
            BigDecimal perLateHour,
            BigDecimal perStockoutDay) {}

    public record NewLine(
            long itemId,
            long locationId,
            BigDecimal min,
            BigDecimal max,
            BigDecimal safety,
            BigDecimal price,
            BigDecimal packSize,
            BigDecimal moq) {}

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;
    private final CacheVersions cacheVersions;
    /** {@link #itemsUnderAgreement}, read on every posting: kept until an agreement changes (ADR 0067). */
    private final Supplier<Set<Long>> itemsUnderAgreement;

    AgreementRepository(JdbcClient jdbc, CatalogRefs catalog, CacheVersions cacheVersions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.cacheVersions = cacheVersions;
        this.itemsUnderAgreement = cacheVersions.cached(CacheVersions.VMI_AGREEMENTS, this::readItemsUnderAgreement);
    }

    public long insert(long supplierId, String user, Instant now) {
        cacheVersions.bump(CacheVersions.VMI_AGREEMENTS);
        return Sql.insert(jdbc, """
                INSERT INTO vmi_agreement (supplier_id, status, current_version, created_by, created_at)
                VALUES (:s, 'ACTIVE', 0, :u, :now)""", Map.of("s", supplierId, "u", user, "now", Sql.ts(now)));
    }

    /** Writes the next version; false when someone else wrote a version since {@code expectedCurrent} was read. */
    public boolean addVersion(
            long agreementId, int expectedCurrent, NewVersion v, List<NewLine> lines, String user, Instant now) {
        int next = expectedCurrent + 1;
        int updated = jdbc.sql("""
                UPDATE vmi_agreement SET current_version = :next, row_version = row_version + 1
                WHERE id = :id AND current_version = :cur""")
                .param("next", next)
                .param("id", agreementId)
                .param("cur", expectedCurrent)
                .update();
        if (updated == 0) {
            return false;
        }
        cacheVersions.bump(CacheVersions.VMI_AGREEMENTS);
        Map<String, Object> p = new HashMap<>();
        p.put("a", agreementId);
        p.put("no", next);
        p.put("cur", v.currency());
        p.put("mode", v.mode());
        p.put("cycle", v.cycle());
        p.put("day", v.settlementDay());
        p.put("hours", v.hours());
        p.put("vf", v.validFrom());
        p.put("vt", v.validTo());
        p.put("terms", v.penaltyTerms());
        p.put("ph", v.perLateHour());
        p.put("pd", v.perStockoutDay());
        p.put("now", Sql.ts(now));
        p.put("u", user);
        long versionId = Sql.insert(jdbc, """
                INSERT INTO vmi_agreement_version (agreement_id, version_no, currency, ownership_mode, settlement_cycle,
                    settlement_day, replenish_within_hours, valid_from, valid_to, penalty_terms, penalty_per_late_hour,
                    penalty_per_stockout_day, effective_at, created_by)
                VALUES (:a, :no, :cur, :mode, :cycle, :day, :hours, :vf, :vt, :terms, :ph, :pd, :now, :u)""", p);
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            Map<String, Object> lp = new HashMap<>();
            lp.put("v", versionId);
            lp.put("no", i + 1);
            lp.put("item", l.itemId());
            lp.put("loc", l.locationId());
            lp.put("min", l.min());
            lp.put("max", l.max());
            lp.put("safety", l.safety());
            lp.put("price", l.price());
            lp.put("pack", l.packSize());
            lp.put("moq", l.moq());
            jdbc.sql("""
                    INSERT INTO vmi_agreement_line (version_id, line_no, item_id, location_id, min_qty, max_qty,
                        safety_qty, price, pack_size, moq)
                    VALUES (:v, :no, :item, :loc, :min, :max, :safety, :price, :pack, :moq)""").params(lp).update();
        }
        return true;
    }

    /** The current version number of a visible agreement, and its supplier id. */
    public Optional<long[]> current(long agreementId, PartyScope scope) {
        return jdbc.sql("SELECT current_version, supplier_id FROM vmi_agreement a WHERE id = :id AND "
                        + scope.predicate("a.supplier_id"))
                .param("id", agreementId)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2)})
                .optional();
    }

    /** Another active agreement of the supplier (not {@code exceptId}) that already covers the item at the location. */
    public Optional<Long> coveringAgreement(long supplierId, long itemId, long locationId, Long exceptId) {
        return jdbc.sql("""
                SELECT a.id FROM vmi_agreement a
                JOIN vmi_agreement_version v ON v.agreement_id = a.id AND v.version_no = a.current_version
                JOIN vmi_agreement_line l ON l.version_id = v.id
                WHERE a.supplier_id = :s AND a.status = 'ACTIVE' AND l.item_id = :i AND l.location_id = :l
                  AND a.id <> :except""")
                .param("s", supplierId)
                .param("i", itemId)
                .param("l", locationId)
                .param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class)
                .optional();
    }

    private static final String TERMS = """
            SELECT a.id AS agreement_id, a.supplier_id, v.version_no, v.currency, v.ownership_mode,
                   v.replenish_within_hours, l.item_id, l.location_id, l.min_qty,
                   l.max_qty, l.safety_qty, l.price, l.pack_size, l.moq
            FROM vmi_agreement a
            JOIN vmi_agreement_version v ON v.agreement_id = a.id
            JOIN vmi_agreement_line l ON l.version_id = v.id
            """;

    /** The sort of a list of terms: by supplier, item and location code (catalog's fragments). */
    private static final String TERMS_ORDER = " ORDER BY " + CatalogRefs.supplierCode("a.supplier_id") + ", "
            + CatalogRefs.itemCode("l.item_id") + ", " + CatalogRefs.locationCode("l.location_id");

    /**
     * The line for the supplier (id and code), item and location in the agreement version in force at {@code at}; the
     * codes and the location's warehouse are the refs the caller holds.
     */
    public Optional<Terms> termsAt(
            long supplierId, String supplierCode, ItemRef item, LocationRef location, Instant at) {
        return jdbc.sql(TERMS + """
                WHERE a.supplier_id = :s AND a.status = 'ACTIVE' AND l.item_id = :i AND l.location_id = :l
                  AND v.version_no = (SELECT MAX(v2.version_no) FROM vmi_agreement_version v2
                                      WHERE v2.agreement_id = a.id AND v2.effective_at <= :at)
                ORDER BY a.id FETCH FIRST 1 ROWS ONLY""")
                .param("s", supplierId)
                .param("i", item.id())
                .param("l", location.id())
                .param("at", Sql.ts(at))
                .query((rs, n) -> terms(rs, supplierCode, item.code(), location))
                .optional();
    }

    /** Every line of the current versions of active agreements the scope sees (for the to-ship board and SLA). */
    public List<Terms> currentLines(String supplierCode, PartyScope scope) {
        return withCodes(jdbc.sql(TERMS + " WHERE a.status = 'ACTIVE' AND v.version_no = a.current_version AND "
                        + scope.predicate("a.supplier_id")
                        + (supplierCode == null ? "" : " AND " + CatalogRefs.supplierCodeIs("a.supplier_id", "sup"))
                        + TERMS_ORDER)
                .param("scopeSupplierId", scope.supplierIdParam())
                .param("sup", String.valueOf(supplierCode))
                .query((rs, n) -> terms(rs, null, null, null))
                .list());
    }

    /**
     * The items on a current line of an active agreement: one statement of constant text (H2 parses and plans it once
     * per session), so a posting of items none of which is under an agreement (most of them) is settled without the
     * five-table join of {@link #currentLines(java.util.Collection)}, whose IN list of another length each time is a
     * new statement to parse and plan.
     */
    public Set<Long> itemsUnderAgreement() {
        return itemsUnderAgreement.get();
    }

    private Set<Long> readItemsUnderAgreement() {
        return Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT l.item_id FROM vmi_agreement a
                        JOIN vmi_agreement_version v ON v.agreement_id = a.id AND v.version_no = a.current_version
                        JOIN vmi_agreement_line l ON l.version_id = v.id
                        WHERE a.status = 'ACTIVE'""").query(Long.class).list());
    }

    /**
     * The current lines of active agreements for these items (what a stock change of them is judged against, on every
     * posting: reading every line of every agreement each time grew with the agreements).
     */
    public List<Terms> currentLines(java.util.Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return withCodes(jdbc.sql(TERMS
                        + " WHERE a.status = 'ACTIVE' AND v.version_no = a.current_version AND l.item_id IN (:items)"
                        + TERMS_ORDER)
                .param("items", itemIds)
                .query((rs, n) -> terms(rs, null, null, null))
                .list());
    }

    /** The terms with catalog's supplier, item and location codes and the locations' warehouses, one query per kind. */
    private List<Terms> withCodes(List<Terms> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, String> suppliers = catalog.supplierCodes(
                rows.stream().map(Terms::supplierId).distinct().toList());
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(Terms::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                rows.stream().map(Terms::locationId).distinct().toList());
        return rows.stream()
                .map(t -> {
                    LocationRef location = locations.get(t.locationId());
                    return new Terms(
                            t.agreementId(),
                            t.supplierId(),
                            suppliers.get(t.supplierId()),
                            t.versionNo(),
                            t.currency(),
                            t.mode(),
                            t.replenishWithinHours(),
                            t.itemId(),
                            items.get(t.itemId()).code(),
                            t.locationId(),
                            location.code(),
                            t.min(),
                            t.max(),
                            t.safety(),
                            t.price(),
                            t.packSize(),
                            t.moq(),
                            location.warehouseId());
                })
                .toList();
    }

    /** A row of {@link #TERMS} with the codes given (null until {@link #withCodes} when not known yet). */
    private static Terms terms(java.sql.ResultSet rs, String supplier, String item, LocationRef location)
            throws java.sql.SQLException {
        return new Terms(
                rs.getLong("agreement_id"),
                rs.getLong("supplier_id"),
                supplier,
                rs.getInt("version_no"),
                rs.getString("currency").trim(),
                OwnershipMode.valueOf(rs.getString("ownership_mode")),
                rs.getInt("replenish_within_hours"),
                rs.getLong("item_id"),
                item,
                rs.getLong("location_id"),
                location == null ? null : location.code(),
                rs.getBigDecimal("min_qty"),
                rs.getBigDecimal("max_qty"),
                rs.getBigDecimal("safety_qty"),
                rs.getBigDecimal("price"),
                rs.getBigDecimal("pack_size"),
                rs.getBigDecimal("moq"),
                location == null ? 0L : location.warehouseId());
    }

    public PageResult<AgreementView> find(String supplierCode, PartyScope scope, PageRequest page) {
        String where = " WHERE " + scope.predicate("a.supplier_id")
                + (supplierCode == null ? "" : " AND " + CatalogRefs.supplierCodeIs("a.supplier_id", "sup"));
        supplierCode = String.valueOf(supplierCode);
        long total = jdbc.sql("SELECT COUNT(*) FROM vmi_agreement a" + where)
                .param("scopeSupplierId", scope.supplierIdParam())
                .param("sup", supplierCode)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("SELECT a.id FROM vmi_agreement a" + where + SORT.orderBy(page)
                        + " LIMIT :limit OFFSET :offset")
                .param("scopeSupplierId", scope.supplierIdParam())
                .param("sup", supplierCode)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Long.class)
                .list();
        List<Raw> raws = new ArrayList<>();
        for (long id : ids) {
            raw(id, null, scope).ifPresent(raws::add);
        }
        return new PageResult<>(views(raws), page.page(), page.size(), total);
    }

    /** An agreement version before catalog's codes: its supplier and its lines' item and location ids. */
    private record Raw(long supplierId, AgreementView view, List<RawLine> lines) {}

    private record RawLine(long itemId, long locationId, AgreementView.Line line) {}

    /** The agreement in the given version (null: current). */
    public Optional<AgreementView> view(long id, Integer versionNo, PartyScope scope) {
        return raw(id, versionNo, scope).map(r -> views(List.of(r)).get(0));
    }

    /**
     * The views with supplier code and name, item codes and names, location and warehouse codes: one catalog query
     * per kind for all of them.
     */
    private List<AgreementView> views(List<Raw> raws) {
        Map<Long, NamedRef> suppliers = catalog.suppliersById(
                raws.stream().map(Raw::supplierId).distinct().toList());
        List<RawLine> all = raws.stream().flatMap(r -> r.lines().stream()).toList();
        Map<Long, ItemRef> items =
                catalog.itemsById(all.stream().map(RawLine::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                all.stream().map(RawLine::locationId).distinct().toList());
        return raws.stream()
                .map(r -> {
                    AgreementView v = r.view();
                    NamedRef supplier = suppliers.get(r.supplierId());
                    List<AgreementView.Line> lines = r.lines().stream()
                            .map(rl -> {
                                AgreementView.Line l = rl.line();
                                ItemRef item = items.get(rl.itemId());
                                LocationRef location = locations.get(rl.locationId());
                                return new AgreementView.Line(
                                        l.id(),
                                        item.code(),
                                        item.name(),
                                        location.code(),
                                        location.warehouse(),
                                        l.min(),
                                        l.max(),
                                        l.safety(),
                                        l.price(),
                                        l.packSize(),
                                        l.moq());
                            })
                            .toList();
                    return new AgreementView(
                            v.id(),
                            supplier.code(),
                            supplier.name(),
                            v.status(),
                            v.version(),
                            v.currency(),
                            v.ownershipMode(),
                            v.settlementCycle(),
                            v.settlementDay(),
                            v.replenishWithinHours(),
                            v.validFrom(),
                            v.validTo(),
                            v.penaltyTerms(),
                            v.penaltyPerLateHour(),
                            v.penaltyPerStockoutDay(),
                            v.effectiveAt(),
                            v.createdBy(),
                            lines);
                })
                .toList();
    }

    private Optional<Raw> raw(long id, Integer versionNo, PartyScope scope) {
        record Head(long versionId, long supplierId, AgreementView view) {}
        Optional<Head> head = jdbc.sql("""
                SELECT a.id, a.supplier_id, a.status, v.id AS version_id, v.version_no,
                       v.currency, v.ownership_mode, v.settlement_cycle, v.settlement_day, v.replenish_within_hours,
                       v.valid_from, v.valid_to, v.penalty_terms, v.penalty_per_late_hour, v.penalty_per_stockout_day,
                       v.effective_at, v.created_by
                FROM vmi_agreement a
                JOIN vmi_agreement_version v ON v.agreement_id = a.id
                WHERE a.id = :id AND v.version_no = """ + (versionNo == null ? "a.current_version" : ":v") + " AND "
                        + scope.predicate("a.supplier_id"))
                .param("id", id)
                .param("v", versionNo == null ? 0 : versionNo)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new Head(
                        rs.getLong("version_id"),
                        rs.getLong("supplier_id"),
                        new AgreementView(
                                rs.getLong("id"),
                                null,
                                null,
                                rs.getString("status"),
                                rs.getInt("version_no"),
                                rs.getString("currency").trim(),
                                rs.getString("ownership_mode"),
                                rs.getString("settlement_cycle"),
                                (Integer) rs.getObject("settlement_day", Integer.class),
                                rs.getInt("replenish_within_hours"),
                                Sql.date(rs, "valid_from"),
                                Sql.date(rs, "valid_to"),
                                rs.getString("penalty_terms"),
                                rs.getBigDecimal("penalty_per_late_hour"),
                                rs.getBigDecimal("penalty_per_stockout_day"),
                                Sql.instant(rs, "effective_at"),
                                rs.getString("created_by"),
                                List.of())))
                .optional();
        return head.map(h -> {
            List<RawLine> lines = jdbc.sql("""
                    SELECT l.id, l.item_id, l.location_id, l.min_qty, l.max_qty, l.safety_qty, l.price, l.pack_size, l.moq
                    FROM vmi_agreement_line l WHERE l.version_id = :v ORDER BY l.line_no""")
                    .param("v", h.versionId())
                    .query((rs, n) -> new RawLine(
                            rs.getLong("item_id"),
                            rs.getLong("location_id"),
                            new AgreementView.Line(
                                    rs.getLong("id"),
                                    null,
                                    null,
                                    null,
                                    null,
                                    Decimals.plain(rs.getBigDecimal("min_qty")),
                                    Decimals.plain(rs.getBigDecimal("max_qty")),
                                    Decimals.plain(rs.getBigDecimal("safety_qty")),
                                    Decimals.plain(rs.getBigDecimal("price")),
                                    Decimals.plain(rs.getBigDecimal("pack_size")),
                                    Decimals.plain(rs.getBigDecimal("moq")))))
                    .list();
            AgreementView v = h.view();
            return new Raw(
                    h.supplierId(),
                    new AgreementView(
                            v.id(),
                            v.supplier(),
                            v.supplierName(),
                            v.status(),
                            v.version(),
                            v.currency(),
                            v.ownershipMode(),
                            v.settlementCycle(),
                            v.settlementDay(),
                            v.replenishWithinHours(),
                            v.validFrom(),
                            v.validTo(),
                            v.penaltyTerms(),
                            Decimals.plain(v.penaltyPerLateHour()),
                            Decimals.plain(v.penaltyPerStockoutDay()),
                            v.effectiveAt(),
                            v.createdBy(),
                            List.of()),
                    lines);
        });
    }

    /** Lines of the versions in force today, first agreement first when two cover one item in one warehouse. */
    /** Every version's price of the items per supplier and warehouse, oldest first (see Agreements.priceHistory). */
    public List<org.openvmi.consignment.AgreementPrice> priceHistory(java.util.Collection<String> itemCodes) {
        record Row(long supplierId, long itemId, long locationId, Instant at, BigDecimal price, String currency) {}
        List<Row> rows = jdbc.sql("""
                SELECT a.supplier_id, l.item_id, l.location_id, v.effective_at, l.price, v.currency
                FROM vmi_agreement a
                JOIN vmi_agreement_version v ON v.agreement_id = a.id
                JOIN vmi_agreement_line l ON l.version_id = v.id
                WHERE\s""" + CatalogRefs.itemCodeIn("l.item_id", "items") + """
                 AND l.price IS NOT NULL
                ORDER BY v.effective_at, a.id, l.line_no""")
                .param("items", List.copyOf(itemCodes))
                .query((rs, n) -> new Row(
                        rs.getLong("supplier_id"),
                        rs.getLong("item_id"),
                        rs.getLong("location_id"),
                        rs.getTimestamp("effective_at").toInstant(),
                        rs.getBigDecimal("price"),
                        rs.getString("currency").trim()))
                .list();
        Map<Long, String> suppliers = catalog.supplierCodes(
                rows.stream().map(Row::supplierId).distinct().toList());
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(Row::itemId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                rows.stream().map(Row::locationId).distinct().toList());
        return rows.stream()
                .map(r -> new org.openvmi.consignment.AgreementPrice(
                        suppliers.get(r.supplierId()),
                        items.get(r.itemId()).code(),
                        locations.get(r.locationId()).warehouse(),
                        r.at(),
                        r.price(),
                        r.currency()))
                .toList();
    }

    public java.util.List<org.openvmi.consignment.VmiCoverage> coverage(java.time.LocalDate today) {
        record Row(
                long itemId,
                long locationId,
                long agreementId,
                int lineNo,
                long supplierId,
                BigDecimal moq,
                BigDecimal packSize) {}
        List<Row> rows = jdbc.sql("""
                SELECT l.item_id, l.location_id, a.id AS agreement_id, l.line_no, a.supplier_id, l.moq, l.pack_size
                FROM vmi_agreement a
                JOIN vmi_agreement_version v ON v.agreement_id = a.id AND v.version_no = a.current_version
                JOIN vmi_agreement_line l ON l.version_id = v.id
                WHERE a.status = 'ACTIVE' AND v.valid_from <= :today AND (v.valid_to IS NULL OR v.valid_to >= :today)""")
                .param("today", java.sql.Date.valueOf(today))
                .query((rs, n) -> new Row(
                        rs.getLong("item_id"),
                        rs.getLong("location_id"),
                        rs.getLong("agreement_id"),
                        rs.getInt("line_no"),
                        rs.getLong("supplier_id"),
                        rs.getBigDecimal("moq"),
                        rs.getBigDecimal("pack_size")))
                .list();
        Map<Long, String> suppliers = catalog.supplierCodes(
                rows.stream().map(Row::supplierId).distinct().toList());
        Map<Long, LocationRef> locations = catalog.locationsById(
                rows.stream().map(Row::locationId).distinct().toList());
        // by item, warehouse, agreement and line, as the join sorted them (all numbers, so Java sorts the same)
        return rows.stream()
                .sorted(java.util.Comparator.comparingLong(Row::itemId)
                        .thenComparingLong(r -> locations.get(r.locationId()).warehouseId())
                        .thenComparingLong(Row::agreementId)
                        .thenComparingInt(Row::lineNo))
                .map(r -> {
                    LocationRef location = locations.get(r.locationId());
                    return new org.openvmi.consignment.VmiCoverage(
                            r.itemId(),
                            location.warehouseId(),
                            r.supplierId(),
                            suppliers.get(r.supplierId()),
                            location.code(),
                            r.moq(),
                            r.packSize());
                })
                .toList();
    }
}
