package org.openvmi.inventory.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.LocationType;
import org.openvmi.inventory.model.DocumentRules;
import org.openvmi.inventory.model.PostingRules;
import org.openvmi.inventory.model.StockKey;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;
import org.springframework.stereotype.Component;

/** Resolves the codes of stock documents (items, locations, owners, lots) to stock keys, naming each bad field. */
@Component
public class DocumentRefs {

    /** A stock key as a request gives it: codes; location may be null when the document supplies it. */
    public record KeyInput(String item, String location, String owner, String lot) {}

    public record ResolvedKey(StockKey key, ItemRef item, LocationRef location, Long ownerSupplierId) {

        public boolean inTransit() {
            return location.type() == LocationType.IN_TRANSIT;
        }
    }

    private final CatalogRefs refs;

    DocumentRefs(CatalogRefs refs) {
        this.refs = refs;
    }

    /** The location of a code, or null with a field error. */
    public LocationRef location(String field, String code, FieldErrors errors) {
        if (code == null || code.isBlank()) {
            errors.add(field, CodedRefusal.required());
            return null;
        }
        LocationRef ref = refs.locations(Set.of(code.trim())).get(code.trim());
        if (ref == null) {
            errors.add(field, CodedRefusal.unknown("location", code.trim()));
        }
        return ref;
    }

    /**
     * Resolves keys with one query per kind of master data. Lines without a location take {@code defaultLocation};
     * when that is null too the line is left unresolved (its location error, if any, was reported by the caller).
     * The answer has the inputs' order, with null where a line could not be resolved.
     */
    public List<ResolvedKey> keys(
            List<KeyInput> inputs, LocationRef defaultLocation, String prefix, FieldErrors errors) {
        Set<String> items = new HashSet<>();
        Set<String> locations = new HashSet<>();
        Set<String> owners = new HashSet<>();
        for (KeyInput in : inputs) {
            if (in == null) {
                continue;
            }
            if (in.item() != null) {
                items.add(in.item().trim());
            }
            if (in.location() != null) {
                locations.add(in.location().trim());
            }
            owners.add(owner(in));
        }
        Map<String, ItemRef> itemRefs = refs.items(items);
        Map<String, LocationRef> locationRefs = refs.locations(locations);
        owners.remove(StockKey.OWN);
        Map<String, Long> suppliers = refs.suppliers(owners);

        List<ResolvedKey> resolved = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            KeyInput in = inputs.get(i);
            if (in == null) {
                errors.add(prefix == null ? "body" : prefix + "[" + i + "]", "must not be null");
                resolved.add(null);
                continue;
            }
            ItemRef item = in.item() == null ? null : itemRefs.get(in.item().trim());
            if (item == null) {
                errors.add(
                        DocumentRules.field(prefix, i, "item"),
                        in.item() == null
                                ? CodedRefusal.required()
                                : CodedRefusal.unknown("item", in.item().trim()));
            }
            LocationRef location = defaultLocation;
            if (in.location() != null) {
                location = locationRefs.get(in.location().trim());
                if (location == null) {
                    errors.add(
                            DocumentRules.field(prefix, i, "location"),
                            CodedRefusal.unknown("location", in.location().trim()));
                }
            }
            String owner = owner(in);
            Long supplierId = null;
            if (!StockKey.OWN.equals(owner)) {
                supplierId = suppliers.get(owner);
                if (supplierId == null) {
                    errors.add(
                            DocumentRules.field(prefix, i, "owner"),
                            "must be OWN or a supplier code; unknown '" + owner + "'");
                }
            }
            final int index = i;
            FieldErrors lotErrors = new FieldErrors();
            String lot = PostingRules.lot(0, in.lot(), item != null && item.lotTracked(), lotErrors);
            lotErrors.list().forEach(e -> errors.add(DocumentRules.field(prefix, index, "lot"), e.message()));
            boolean ok = item != null
                    && location != null
                    && lotErrors.isEmpty()
                    && (supplierId != null || StockKey.OWN.equals(owner));
            resolved.add(
                    ok
                            ? new ResolvedKey(
                                    new StockKey(item.id(), location.id(), owner, lot), item, location, supplierId)
                            : null);
        }
        return resolved;
    }

    private static String owner(KeyInput in) {
        return in.owner() == null || in.owner().isBlank()
                ? StockKey.OWN
                : in.owner().trim();
    }
}
