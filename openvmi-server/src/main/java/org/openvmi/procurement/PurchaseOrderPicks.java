package org.openvmi.procurement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.NamedRef;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.Pick;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The purchase-order picker: POs by their number as printed ("PO-12"), supplier code or name, newest first, limited to
 * the caller's party scope (a supplier finds only its own orders). A form posts the PO's id.
 */
@Service
public class PurchaseOrderPicks {

    private static final Pattern NUMBER = Pattern.compile("^\\s*(?:PO-?)?(\\d{1,18})\\s*$", Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    PurchaseOrderPicks(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    private record Row(long id, long supplierId) {}

    @Transactional(readOnly = true)
    public List<Pick> find(String text) {
        PartyScope scope = PartyScope.current();
        Matcher number = NUMBER.matcher(text);
        // the order's own columns; the supplier's code and name (to show, and to match the text) are catalog's
        List<Row> rows = jdbc.sql("SELECT p.id, p.supplier_id FROM proc_purchase_order p "
                        + "WHERE (CAST(p.id AS VARCHAR(20)) LIKE :n OR "
                        + CatalogRefs.supplierTextMatches("p.supplier_id", "q") + ") AND "
                        + scope.predicate("p.supplier_id") + " ORDER BY p.id DESC FETCH FIRST " + Pick.LIMIT
                        + " ROWS ONLY")
                .param("n", number.matches() ? number.group(1) + "%" : "-")
                .param("q", Pick.containing(text))
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2)))
                .list();
        Map<Long, NamedRef> suppliers =
                catalog.suppliersById(rows.stream().map(Row::supplierId).toList());
        return rows.stream()
                .map(r -> {
                    NamedRef s = suppliers.get(r.supplierId());
                    return new Pick(String.valueOf(r.id()), "PO-" + r.id() + " · " + s.code() + " " + s.name());
                })
                .toList();
    }

    /** The id of a PO typed by its number as printed ("PO-12", "po12"); empty for an id or anything else. */
    public static Optional<String> idFor(String text) {
        if (text == null || text.isBlank() || text.trim().chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(text);
        return number.matches() ? Optional.of(number.group(1)) : Optional.empty();
    }
}
