package org.openvmi.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.openvmi.catalog.model.ImportRow;

/**
 * The rows of an import sorted by their stored twin: new ones to insert, changed ones to update (by id, with the
 * version read before, so a concurrent edit is detected), and unchanged ones, which are neither written nor audited.
 *
 * @param <C> the command a row was read into
 */
final class UpsertPlan<C> {

    final List<C> created = new ArrayList<>();
    final Map<Long, C> updated = new LinkedHashMap<>();
    final Map<Long, Integer> versions = new HashMap<>();
    int unchanged;

    static <C, V> UpsertPlan<C> of(
            List<ImportRow<C>> rows,
            Function<C, V> stored,
            BiPredicate<V, C> same,
            ToLongFunction<V> id,
            ToIntFunction<V> version) {
        UpsertPlan<C> plan = new UpsertPlan<>();
        for (ImportRow<C> r : rows) {
            C c = r.command();
            V twin = stored.apply(c);
            if (twin == null) {
                plan.created.add(c);
            } else if (same.test(twin, c)) {
                plan.unchanged++;
            } else {
                plan.updated.put(id.applyAsLong(twin), c);
                plan.versions.put(id.applyAsLong(twin), version.applyAsInt(twin));
            }
        }
        return plan;
    }
}
