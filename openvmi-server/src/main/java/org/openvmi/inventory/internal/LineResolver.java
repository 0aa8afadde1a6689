package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.inventory.LedgerLine;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.model.PostingLine;
import org.openvmi.inventory.model.PostingRules;
import org.openvmi.inventory.model.StockKey;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns lines into validated posting lines, with one lookup query per kind of master data that is not cached. There
 * are two ways in, and which one a caller uses decides what it may post: {@link #fromCodes} for what people and
 * integrations send (REST, scan page: codes, only the types posted directly, no consumption of consignment stock),
 * {@link #fromLines} for the documents of the features (ids they already hold, any type: each use case decides which
 * types it posts).
 *
 * <p>Items, locations and suppliers found by code are reused for {@code openvmi.inventory.master-data-ttl} (default
 * 5 s; 0 turns the cache off) on this instance, which saves two queries per posting. An edit of master data (a new
 * code, a lot-tracking switch) therefore reaches postings within that time. The ledger's invariants never rest on a
 * cached value: ids do not change, and whether a location allows negative stock is read by the balance update itself.
 * Unknown codes are not cached, and nothing read inside a transaction is cached before that transaction commits.
 */
@Component
public class LineResolver {

    /** A resolved line with the codes it was given, for messages and answers. */
    public record Resolved(PostingLine line, ItemRef item, LocationRef location) {}

    private record Cached<T>(T value, long loadedAt) {}

    /** Past this many codes of one kind a cache starts over, so it never grows without bound. */
    private static final int MAX_CACHED = 20_000;

    private final CatalogRefs refs;
    private final long ttlNanos;
    private final Map<String, Cached<ItemRef>> itemCache = new ConcurrentHashMap<>();
    private final Map<String, Cached<LocationRef>> locationCache = new ConcurrentHashMap<>();
    private final Map<String, Cached<Long>> supplierCache = new ConcurrentHashMap<>();
    private final Map<Long, Cached<ItemRef>> itemByIdCache = new ConcurrentHashMap<>();
    private final Map<Long, Cached<LocationRef>> locationByIdCache = new ConcurrentHashMap<>();
    private final Map<Long, Cached<String>> supplierCodeCache = new ConcurrentHashMap<>();

    LineResolver(CatalogRefs refs, @Value("${openvmi.inventory.master-data-ttl:5s}") Duration ttl) {
        this.refs = refs;
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * Lines as people and integrations send them (codes): only the types posted directly, and no consumption of
     * consignment stock. The 400 names every bad field as {@code lines[i].field}.
     */
    public List<Resolved> fromCodes(List<MovementRequest> requests) {
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
        Map<String, ItemRef> items = cached(itemCodes, itemCache, refs::items);
        Map<String, LocationRef> locations = cached(locationCodes, locationCache, refs::locations);
        owners.remove(StockKey.OWN);
        Map<String, Long> suppliers = cached(owners, supplierCache, refs::suppliers);

        List<Resolved> resolved = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            MovementRequest r = requests.get(i);
            if (r == null) {
                errors.add("lines[" + i + "]", "must not be null");
                continue;
            }
            MovementType type = PostingRules.postedDirectly(i, PostingRules.type(i, r.type(), errors), errors);
            ItemRef item = r.item() == null ? null : items.get(r.item().trim());
            if (item == null) {
                errors.add(
                        PostingRules.field(i, "item"),
                        r.item() == null ? CodedRefusal.required() : CodedRefusal.unknown("item", r.item()));
            }
            LocationRef location =
                    r.location() == null ? null : locations.get(r.location().trim());
            if (location == null) {
                errors.add(
                        PostingRules.field(i, "location"),
                        r.location() == null
                                ? CodedRefusal.required()
                                : CodedRefusal.unknown("location", r.location()));
            }
            String owner = owner(r);
            Long supplierId = null;
            if (!StockKey.OWN.equals(owner)) {
                supplierId = suppliers.get(owner);
                if (supplierId == null) {
                    errors.add(
                            PostingRules.field(i, "owner"), "must be OWN or a supplier code; unknown '" + owner + "'");
                }
                if (type == MovementType.CONSUME) {
                    // consuming consignment stock passes ownership and owes the supplier a settlement line: only the
                    // consignment use case may do that (an ISSUE of supplier stock, e.g. a return, stays allowed)
                    errors.add(
                            PostingRules.field(i, "owner"),
                            "consignment stock of " + owner
                                    + " is consumed through POST /api/v1/vmi/consumptions, which passes ownership and writes"
                                    + " the settlement line");
                }
            }
            BigDecimal qty = PostingRules.signedQty(i, type, r.qty(), errors);
            BigDecimal unitCost = PostingRules.unitCost(i, type, r.unitCost(), errors);
            String lot = PostingRules.lot(i, r.lot(), item != null && item.lotTracked(), errors);
            if (item != null && location != null && type != null && qty != null) {
                resolved.add(new Resolved(
                        new PostingLine(
                                i,
                                type,
                                new StockKey(item.id(), location.id(), owner, lot),
                                supplierId,
                                qty,
                                unitCost,
                                location.allowNegative(),
                                trim(r.reference(), 100),
                                trim(r.reason(), 200)),
                        item,
                        location));
            }
        }
        errors.throwIfAny();
        return resolved;
    }

    /**
     * Lines of the features' documents (ids): any type, the same rules on quantity, unit cost and lot as
     * {@link #fromCodes}, and the same {@code lines[i].field} naming when a line breaks one.
     */
    public List<Resolved> fromLines(List<LedgerLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw InvalidInputException.of("lines", "at least one line is required");
        }
        Set<Long> itemIds = new HashSet<>();
        Set<Long> locationIds = new HashSet<>();
        Set<Long> supplierIds = new HashSet<>();
        for (LedgerLine l : lines) {
            if (l != null) {
                itemIds.add(l.itemId());
                locationIds.add(l.locationId());
                if (l.ownerSupplierId() != null) {
                    supplierIds.add(l.ownerSupplierId());
                }
            }
        }
        Map<Long, ItemRef> items = cached(itemIds, itemByIdCache, refs::itemsById);
        Map<Long, LocationRef> locations = cached(locationIds, locationByIdCache, refs::locationsById);
        Map<Long, String> suppliers = cached(supplierIds, supplierCodeCache, refs::supplierCodes);

        FieldErrors errors = new FieldErrors();
        List<Resolved> resolved = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LedgerLine l = lines.get(i);
            if (l == null) {
                errors.add("lines[" + i + "]", "must not be null");
                continue;
            }
            if (l.type() == null) {
                errors.add(PostingRules.field(i, "type"), CodedRefusal.required());
            }
            ItemRef item = items.get(l.itemId());
            if (item == null) {
                errors.add(PostingRules.field(i, "item"), CodedRefusal.unknown("item", String.valueOf(l.itemId())));
            }
            LocationRef location = locations.get(l.locationId());
            if (location == null) {
                errors.add(
                        PostingRules.field(i, "location"),
                        CodedRefusal.unknown("location", String.valueOf(l.locationId())));
            }
            String owner = StockKey.OWN;
            if (l.ownerSupplierId() != null) {
                owner = suppliers.get(l.ownerSupplierId());
                if (owner == null) {
                    errors.add(PostingRules.field(i, "owner"), "unknown supplier id " + l.ownerSupplierId());
                }
            }
            BigDecimal qty = PostingRules.signedQty(i, l.type(), l.qty(), errors);
            BigDecimal unitCost = PostingRules.unitCost(i, l.type(), l.unitCost(), errors);
            String lot = PostingRules.lot(i, l.lot(), item != null && item.lotTracked(), errors);
            if (item != null && location != null && owner != null && l.type() != null && qty != null) {
                resolved.add(new Resolved(
                        new PostingLine(
                                i,
                                l.type(),
                                new StockKey(item.id(), location.id(), owner, lot),
                                l.ownerSupplierId(),
                                qty,
                                unitCost,
                                location.allowNegative(),
                                trim(l.reference(), 100),
                                trim(l.reason(), 200)),
                        item,
                        location));
            }
        }
        errors.throwIfAny();
        return resolved;
    }

    private <K, T> Map<K, T> cached(Set<K> codes, Map<K, Cached<T>> cache, Function<Set<K>, Map<K, T>> load) {
        long now = System.nanoTime();
        Map<K, T> found = new HashMap<>();
        Set<K> missing = new HashSet<>();
        for (K code : codes) {
            Cached<T> c = cache.get(code);
            if (c != null && now - c.loadedAt() < ttlNanos) {
                found.put(code, c.value());
            } else {
                missing.add(code);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        Map<K, T> loaded = load.apply(missing);
        found.putAll(loaded);
        if (ttlNanos > 0 && !loaded.isEmpty()) {
            Runnable remember = () -> {
                if (cache.size() + loaded.size() > MAX_CACHED) {
                    cache.clear();
                }
                loaded.forEach((code, value) -> cache.put(code, new Cached<>(value, now)));
            };
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        remember.run();
                    }
                });
            } else {
                remember.run();
            }
        }
        return found;
    }

    private static String owner(MovementRequest r) {
        return r.owner() == null || r.owner().isBlank()
                ? StockKey.OWN
                : r.owner().trim();
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
