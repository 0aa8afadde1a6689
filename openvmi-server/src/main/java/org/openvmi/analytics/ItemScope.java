package org.openvmi.analytics;

import java.util.HashSet;
import java.util.Set;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemQuery;
import org.openvmi.catalog.ItemView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who and what an analytics read of other features' facts covers: the supplier (a supplier caller always its own;
 * another supplier is 403) and the item codes of a category (null: every item).
 */
@Component
class ItemScope {

    record Scope(boolean supplierCaller, String supplier, Set<String> items) {

        boolean covers(String item) {
            return items == null || items.contains(item);
        }
    }

    private final ItemCatalog catalog;

    ItemScope(ItemCatalog catalog) {
        this.catalog = catalog;
    }

    Scope of(AnalyticsFilter filter) {
        PartyScope party = PartyScope.current();
        String supplier = filter.supplier();
        if (party.kind() == PartyScope.Kind.NONE) {
            throw new AccessDeniedException("no party");
        }
        boolean supplierCaller = party.kind() == PartyScope.Kind.SUPPLIER;
        if (supplierCaller) {
            if (supplier != null && !supplier.equals(party.supplierCode())) {
                throw new AccessDeniedException("another supplier");
            }
            supplier = party.supplierCode();
        }
        return new Scope(supplierCaller, supplier, filter.category() == null ? null : itemsOf(filter.category()));
    }

    private Set<String> itemsOf(String category) {
        Set<String> codes = new HashSet<>();
        int page = 0;
        PageResult<ItemView> result;
        do {
            result = catalog.find(new ItemQuery(null, category), PageRequest.of(page++, PageRequest.MAX_SIZE));
            result.content().forEach(i -> codes.add(i.code()));
        } while (page < result.totalPages());
        return codes;
    }
}
