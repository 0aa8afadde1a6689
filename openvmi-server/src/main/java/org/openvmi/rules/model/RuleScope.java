package org.openvmi.rules.model;

import java.util.List;
import java.util.Set;

/**
 * Which subjects a rule reads: empty lists mean "all"; a subject must match every non-empty list (any code in it).
 * {@code suppliers} matches an item on any of those suppliers' source lists.
 */
public record RuleScope(List<String> items, List<String> categories, List<String> warehouses, List<String> suppliers) {

    public static final RuleScope ALL = new RuleScope(List.of(), List.of(), List.of(), List.of());

    public RuleScope {
        items = clean(items);
        categories = clean(categories);
        warehouses = clean(warehouses);
        suppliers = clean(suppliers);
    }

    /** Whether the subject is in scope; {@code itemSuppliers} are the suppliers with the item on their source list. */
    public boolean admits(String item, String category, String warehouse, Set<String> itemSuppliers) {
        return (items.isEmpty() || items.contains(item))
                && (categories.isEmpty() || (category != null && categories.contains(category)))
                && (warehouses.isEmpty() || warehouses.contains(warehouse))
                && (suppliers.isEmpty() || suppliers.stream().anyMatch(itemSuppliers::contains));
    }

    private static List<String> clean(List<String> codes) {
        return codes == null
                ? List.of()
                : codes.stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList();
    }
}
