package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.model.MovementType;
import org.openvmi.inventory.model.PostingLine;
import org.openvmi.inventory.model.PostingRules;
import org.openvmi.inventory.model.StockKey;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Turns request lines (codes) into validated posting lines (ids), with one lookup query per kind of master data. */
@Component
public class LineResolver {

    /** A resolved line with the codes it was given, for messages and answers. */
    public record Resolved(PostingLine line, ItemRef item, LocationRef location) {
    }

    private final CatalogRefs refs;

    LineResolver(CatalogRefs refs) {
        this.refs = refs;
    }

    public List<Resolved> resolve(List<MovementRequest> requests, boolean internal) {
        FieldErrors errors = new FieldErrors();
        if (requests == null || requests.isEmpty()) {
            throw InvalidInputException.of("lines", "at least one line is required");
        }
        Set<String> itemCodes = new HashSet<>();
        Set<String> locationCodes = new HashSet<>();
        Set<String> owners = new HashSet<>();
        for (MovementRequest r : requests) {
            if (r == null) {
                continue;
            }
            if (r.item() != null) {
                itemCodes.add(r.item().trim());
            }
            if (r.location() != null) {
                locationCodes.add(r.location().trim());
            }
            owners.add(owner(r));
        }
        Map<String, ItemRef> items = refs.items(itemCodes);
        Map<String, LocationRef> locations = refs.locations(locationCodes);
        owners.remove(StockKey.OWN);
        Map<String, Long> suppliers = refs.suppliers(owners);

        List<Resolved> resolved = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            MovementRequest r = requests.get(i);
            if (r == null) {
                errors.add("lines[" + i + "]", "must not be null");
                continue;
            }
            MovementType type = PostingRules.type(i, r.type(), internal, errors);
            ItemRef item = r.item() == null ? null : items.get(r.item().trim());
            if (item == null) {
                errors.add(PostingRules.field(i, "item"), r.item() == null ? "is required" : "unknown item '" + r.item() + "'");
            }
            LocationRef location = r.location() == null ? null : locations.get(r.location().trim());
            if (location == null) {
                errors.add(PostingRules.field(i, "location"),
                        r.location() == null ? "is required" : "unknown location '" + r.location() + "'");
            }
            String owner = owner(r);
            Long supplierId = null;
            if (!StockKey.OWN.equals(owner)) {
                supplierId = suppliers.get(owner);
                if (supplierId == null) {
                    errors.add(PostingRules.field(i, "owner"), "must be OWN or a supplier code; unknown '" + owner + "'");
                }
            }
            BigDecimal qty = PostingRules.signedQty(i, type, r.qty(), errors);
            BigDecimal unitCost = PostingRules.unitCost(i, type, r.unitCost(), errors);
            String lot = PostingRules.lot(i, r.lot(), item != null && item.lotTracked(), errors);
            if (item != null && location != null && type != null && qty != null) {
                resolved.add(new Resolved(new PostingLine(i, type, new StockKey(item.id(), location.id(), owner, lot),
                        supplierId, qty, unitCost, location.allowNegative(), trim(r.reference(), 100), trim(r.reason(), 200)),
                        item, location));
            }
        }
        errors.throwIfAny();
        return resolved;
    }

    private static String owner(MovementRequest r) {
        return r.owner() == null || r.owner().isBlank() ? StockKey.OWN : r.owner().trim();
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
