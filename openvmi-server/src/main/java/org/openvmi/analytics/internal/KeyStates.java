package org.openvmi.analytics.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvmi.analytics.internal.SnapshotRepository.StoredLayers;
import org.openvmi.analytics.model.DailyFigures;
import org.openvmi.analytics.model.MonthlyRollup;
import org.openvmi.analytics.model.SnapshotKey;

/**
 * What the snapshot job wrote for the keys of its recent batches (ADR 0080): each key's layers with their row numbers,
 * its latest row, the month of its latest day and that day's row, and the items' last layer costs. The next batch
 * takes them from here instead of reading them again, on the condition that the cursor it locked is the one this
 * instance's last batch committed: a batch of another instance (or anything else that moved the cursor) empties it.
 * Filled only after a commit; least recently used keys leave when it holds {@code capacity} keys. Used under the
 * job's lock ({@link SnapshotBatch}); synchronized for a batch that joins a caller's transaction and only empties it.
 * <p>
 * Also the group facts' upkeep's rows of the recent item × warehouses from the month of their last batch on (ADR 0089,
 * {@link GroupFactsStore.SubjectMonth}), under the same condition; a quarter of {@code capacity} of them (a kept one
 * holds up to a month of rows of each of its keys).
 */
final class KeyStates {

    /** One key's stored state after a batch. */
    record State(
            StoredLayers layers, MonthlyRollup.Latest latest, MonthlyRollup.Month lastMonth, DailyFigures lastRow) {}

    private final int capacity;
    private final LinkedHashMap<SnapshotKey, State> keys;
    private final LinkedHashMap<String, BigDecimal> costs;
    private final LinkedHashMap<String, GroupFactsStore.SubjectMonth> subjects;
    private long validAt = -1;

    KeyStates(int capacity) {
        this.capacity = capacity;
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SnapshotKey, State> eldest) {
                return size() > KeyStates.this.capacity;
            }
        };
        this.subjects = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, GroupFactsStore.SubjectMonth> eldest) {
                return size() > KeyStates.this.capacity / 4;
            }
        };
        this.costs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, BigDecimal> eldest) {
                return size() > KeyStates.this.capacity;
            }
        };
    }

    /** Keeps what is held only if it was written up to {@code cursor} (the cursor a batch has just locked). */
    synchronized void checkAt(long cursor) {
        if (cursor != validAt) {
            clear();
        }
    }

    synchronized void clear() {
        keys.clear();
        costs.clear();
        subjects.clear();
        validAt = -1;
    }

    /** The held states of these keys (absent: not held). */
    synchronized Map<SnapshotKey, State> of(Collection<SnapshotKey> wanted) {
        Map<SnapshotKey, State> found = new HashMap<>();
        if (capacity > 0) {
            wanted.forEach(k -> {
                State s = keys.get(k);
                if (s != null) {
                    found.put(k, s);
                }
            });
        }
        return found;
    }

    /** The held group facts' rows of the item × warehouses (absent: not held). */
    synchronized Map<String, GroupFactsStore.SubjectMonth> subjects() {
        return Map.copyOf(subjects);
    }

    /** The held costs of these items (absent: not held). */
    synchronized Map<String, BigDecimal> costs(Collection<String> items) {
        Map<String, BigDecimal> found = new HashMap<>();
        if (capacity > 0) {
            items.forEach(i -> {
                BigDecimal c = costs.get(i);
                if (c != null) {
                    found.put(i, c);
                }
            });
        }
        return found;
    }

    /**
     * After a batch committed up to {@code cursor}: its keys' states (those absent from {@code states}, e.g. rolled
     * again from their daily rows, are dropped) and its items' costs.
     */
    synchronized void committed(
            long cursor,
            Collection<SnapshotKey> touched,
            Map<SnapshotKey, State> states,
            Map<String, BigDecimal> itemCosts,
            Map<String, GroupFactsStore.SubjectMonth> subjectMonths) {
        if (capacity <= 0) {
            return;
        }
        touched.forEach(keys::remove);
        keys.putAll(states);
        costs.putAll(itemCosts);
        subjects.putAll(subjectMonths);
        validAt = cursor;
    }
}
