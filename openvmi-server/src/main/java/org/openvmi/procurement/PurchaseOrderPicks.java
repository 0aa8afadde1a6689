package org.openvmi.procurement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    PurchaseOrderPicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Pick> find(String text) {
        PartyScope scope = PartyScope.current();
        Matcher number = NUMBER.matcher(text);
        return jdbc.sql("""
                        SELECT p.id, s.code, s.name FROM proc_purchase_order p JOIN supplier s ON s.id = p.supplier_id
                        WHERE (CAST(p.id AS VARCHAR(20)) LIKE :n OR LOWER(s.code) LIKE :q ESCAPE '\\'
                               OR LOWER(s.name) LIKE :q ESCAPE '\\') AND\s"""
                        + scope.predicate("p.supplier_id") + " ORDER BY p.id DESC FETCH FIRST " + Pick.LIMIT
                        + " ROWS ONLY")
                .param("n", number.matches() ? number.group(1) + "%" : "-")
                .param("q", Pick.containing(text))
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new Pick(
                        String.valueOf(rs.getLong(1)),
                        "PO-" + rs.getLong(1) + " · " + rs.getString(2) + " " + rs.getString(3)))
                .list();
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
