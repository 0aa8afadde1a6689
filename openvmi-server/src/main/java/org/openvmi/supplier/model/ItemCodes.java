package org.openvmi.supplier.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds an item of one supplier's source list by the buyer's item code or by the supplier's own part number. Only
 * that supplier's list is searched, so another supplier's part numbers can neither match nor show in a message.
 * A code naming two items (a part number on two items, or one item's code and another's part number) is refused as
 * ambiguous rather than guessed.
 */
public final class ItemCodes {

    /** An item of the source list: the buyer's code and the supplier's part number (may be null). */
    public record Entry(String code, String partNo) {}

    /** The item found ({@code code}), or why not: a message key and its arguments. */
    public record Match(String code, String refusalKey, List<Object> args) {

        static Match of(String code) {
            return new Match(code, null, List.of());
        }

        static Match refused(String key, Object... args) {
            return new Match(null, key, List.of(args));
        }

        public boolean found() {
            return code != null;
        }
    }

    private final Set<String> codes = new LinkedHashSet<>();
    private final Map<String, List<String>> byPartNo = new HashMap<>();

    public ItemCodes(List<Entry> entries) {
        for (Entry e : entries) {
            codes.add(e.code());
            if (e.partNo() != null && !e.partNo().isBlank()) {
                byPartNo.computeIfAbsent(e.partNo().trim(), k -> new ArrayList<>())
                        .add(e.code());
            }
        }
    }

    /**
     * The item a row names: {@code either} may be the buyer's code or the supplier's part number, {@code partNo} only
     * the part number; with both, they must name the same item. Null when the row names none (the caller says so).
     */
    public Match resolve(String either, String partNo) {
        Match byEither = either == null ? null : byEither(either);
        Match byPart = partNo == null ? null : byPartNo(partNo);
        if (byEither == null || byPart == null) {
            return byEither != null ? byEither : byPart;
        }
        if (byEither.found() && byPart.found() && !byEither.code().equals(byPart.code())) {
            return Match.refused("supplier.error.codesDisagree", either, partNo, byPart.code());
        }
        return byEither.found() ? byEither : byPart;
    }

    private Match byEither(String code) {
        Set<String> items = new LinkedHashSet<>();
        if (codes.contains(code)) {
            items.add(code);
        }
        items.addAll(byPartNo.getOrDefault(code, List.of()));
        if (items.isEmpty()) {
            return Match.refused("supplier.error.notOnSourceList", code);
        }
        return items.size() == 1
                ? Match.of(items.iterator().next())
                : Match.refused("supplier.error.ambiguousCode", code, String.join(", ", items));
    }

    private Match byPartNo(String partNo) {
        List<String> items = byPartNo.getOrDefault(partNo, List.of());
        if (items.isEmpty()) {
            return Match.refused("supplier.error.unknownPartNo", partNo);
        }
        return items.size() == 1
                ? Match.of(items.get(0))
                : Match.refused("supplier.error.ambiguousCode", partNo, String.join(", ", items));
    }
}
