package org.openvmi.catalog;

import java.util.List;
import java.util.Optional;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.Pick;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searchable pickers over master data: items by code, name or barcode, warehouses, locations and suppliers by code or
 * name, each limited to the caller's party scope (a supplier finds only the items of its own source list and only
 * itself as supplier). Also turns what a person typed or scanned into a form's code field back into the code.
 */
@Service
public class CatalogPicks {

    private static final String ITEM_MATCH = """
            (LOWER(i.code) LIKE :q ESCAPE '\\' OR LOWER(i.name) LIKE :q ESCAPE '\\'
             OR EXISTS (SELECT 1 FROM item_barcode b WHERE b.item_id = i.id AND LOWER(b.barcode) LIKE :q ESCAPE '\\'))""";

    private final JdbcClient jdbc;

    CatalogPicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Pick> items(String text) {
        PartyScope scope = PartyScope.current();
        return jdbc.sql("SELECT i.code, i.name FROM item i WHERE " + ITEM_MATCH + " AND "
                        + CatalogRefs.itemPredicate("i.id", scope) + " ORDER BY i.code FETCH FIRST " + Pick.LIMIT
                        + " ROWS ONLY")
                .param("q", Pick.containing(text))
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new Pick(rs.getString(1), rs.getString(2)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Pick> warehouses(String text) {
        return jdbc.sql("""
                        SELECT code, name FROM warehouse
                        WHERE LOWER(code) LIKE :q ESCAPE '\\' OR LOWER(name) LIKE :q ESCAPE '\\'
                        ORDER BY code FETCH FIRST""" + " " + Pick.LIMIT + " ROWS ONLY")
                .param("q", Pick.containing(text))
                .query((rs, n) -> new Pick(rs.getString(1), rs.getString(2)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Pick> locations(String text) {
        return jdbc.sql("""
                        SELECT l.code, l.name, w.code AS wcode, w.name AS wname FROM location l JOIN warehouse w ON w.id = l.warehouse_id
                        WHERE LOWER(l.code) LIKE :q ESCAPE '\\' OR LOWER(l.name) LIKE :q ESCAPE '\\'
                           OR LOWER(w.code) LIKE :q ESCAPE '\\' OR LOWER(w.name) LIKE :q ESCAPE '\\'
                        ORDER BY l.code FETCH FIRST""" + " " + Pick.LIMIT + " ROWS ONLY")
                .param("q", Pick.containing(text))
                .query((rs, n) -> new Pick(
                        rs.getString(1),
                        (rs.getString(2) == null ? "" : rs.getString(2) + " · ") + rs.getString(4) + " ("
                                + rs.getString(3) + ")"))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Pick> suppliers(String text) {
        PartyScope scope = PartyScope.current();
        return jdbc.sql("""
                        SELECT s.code, s.name FROM supplier s
                        WHERE (LOWER(s.code) LIKE :q ESCAPE '\\' OR LOWER(s.name) LIKE :q ESCAPE '\\') AND\s""" + scope.predicate("s.id") + " ORDER BY s.code FETCH FIRST " + Pick.LIMIT + " ROWS ONLY")
                .param("q", Pick.containing(text))
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new Pick(rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * The code of the item a person typed or scanned: empty when the text is itself an item code (or blank), or when
     * it is neither the one barcode nor the one name of an item the caller may see, so the form refuses it as typed.
     */
    @Transactional(readOnly = true)
    public Optional<String> itemCodeFor(String text) {
        PartyScope scope = PartyScope.current();
        return resolve(
                text, "SELECT code FROM item WHERE code = :t", """
                SELECT DISTINCT i.code FROM item i LEFT JOIN item_barcode b ON b.item_id = i.id
                WHERE (b.barcode = :t OR i.name = :t) AND\s""" + CatalogRefs.itemPredicate("i.id", scope), scope);
    }

    /** The warehouse code for a typed warehouse name, as {@link #itemCodeFor}. */
    @Transactional(readOnly = true)
    public Optional<String> warehouseCodeFor(String text) {
        return resolve(
                text,
                "SELECT code FROM warehouse WHERE code = :t",
                "SELECT code FROM warehouse WHERE name = :t",
                PartyScope.current());
    }

    /** The location code for a typed location name, or else the warehouse code for a typed warehouse name. */
    @Transactional(readOnly = true)
    public Optional<String> locationCodeFor(String text) {
        if (text == null
                || text.isBlank()
                || !jdbc.sql("SELECT code FROM warehouse WHERE code = :t")
                        .param("t", text.trim())
                        .query(String.class)
                        .list()
                        .isEmpty()) {
            return Optional.empty();
        }
        return resolve(
                        text,
                        "SELECT code FROM location WHERE code = :t",
                        "SELECT code FROM location WHERE name = :t",
                        PartyScope.current())
                .or(() -> warehouseCodeFor(text));
    }

    /** The supplier code for a typed supplier name the caller may see, as {@link #itemCodeFor}. */
    @Transactional(readOnly = true)
    public Optional<String> supplierCodeFor(String text) {
        PartyScope scope = PartyScope.current();
        return resolve(
                text,
                "SELECT code FROM supplier WHERE code = :t",
                "SELECT code FROM supplier s WHERE s.name = :t AND " + scope.predicate("s.id"),
                scope);
    }

    private Optional<String> resolve(String text, String byCode, String byOther, PartyScope scope) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        if (!jdbc.sql(byCode).param("t", t).query(String.class).list().isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = jdbc.sql(byOther)
                .param("t", t)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query(String.class)
                .list();
        return codes.size() == 1 ? Optional.of(codes.get(0)) : Optional.empty();
    }
}
