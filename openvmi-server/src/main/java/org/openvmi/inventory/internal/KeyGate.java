package org.openvmi.inventory.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.model.StockKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The queue of one stock key's postings kept in the JVM instead of in the database (ADR 0092, 0098; see {@link Mode}:
 * by default {@code coalesce}, whose queue {@link PostingCoalescer} runs). With {@code transaction}, a posting whose lines all name one stock key waits here, before its
 * transaction begins, until no other posting of that key on this
 * instance is between its first statement and its commit; then it runs as before. So at most one transaction per hot
 * key and instance is in the database at a time, and the others wait on a lock in memory, holding no connection, no
 * transaction and no row lock, instead of queueing in PostgreSQL on the balance row's lock.
 *
 * <p>Nothing rests on this for correctness: the balance update stays a conditional statement under the row lock, so
 * postings of other instances, postings of several keys (never gated: a batch would otherwise wait for every key's
 * queue), document postings inside a caller's transaction (not gated in mode transaction: theirs may already hold locks)
 * and a posting that waited longer than {@code openvmi.inventory.key-gate-wait} (then it goes on without the gate)
 * still meet in the database as before. Keys are the request's codes, not ids (no lookup before the gate); two
 * spellings of one key only miss the gate. Keys share a fixed number of stripes, so two busy keys may share a queue.
 */
@Component
public class KeyGate {

    /**
     * Where a posting waits for its key: {@code coalesce} (the default, ADR 0098) in a queue whose postings run
     * together, several in one transaction ({@link PostingCoalescer}); {@code transaction} before its own transaction
     * begins (ADR 0092), {@code balance} inside it,
     * after its posting row and movements and just before its balance change (the waiters keep their open
     * transactions, the serial part is only the balance change and the commit), {@code off} (the database's own row
     * lock queue).
     */
    enum Mode {
        COALESCE,
        TRANSACTION,
        BALANCE,
        OFF
    }

    private final ReentrantLock[] stripes;
    private final long waitNanos;
    private final Mode mode;

    KeyGate(
            @Value("${openvmi.inventory.key-gate:coalesce}") String mode,
            @Value("${openvmi.inventory.key-gate-stripes:4096}") int stripes,
            @Value("${openvmi.inventory.key-gate-wait:2s}") Duration wait) {
        this.mode = stripes <= 0 ? Mode.OFF : Mode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
        this.stripes = new ReentrantLock[Math.max(0, stripes)];
        for (int i = 0; i < this.stripes.length; i++) {
            this.stripes[i] = new ReentrantLock();
        }
        this.waitNanos = wait.toNanos();
    }

    /** Runs the posting of these lines, after the other postings of its stock key on this instance when it has one. */
    public <T> T around(List<MovementRequest> lines, Supplier<T> posting) {
        ReentrantLock lock = mode == Mode.TRANSACTION ? lockOf(lines) : null;
        if (lock == null) {
            return posting.get();
        }
        boolean held = acquire(lock);
        try {
            return posting.get();
        } finally {
            if (held) {
                lock.unlock();
            }
        }
    }

    /**
     * Mode {@code balance}: waits, inside the posting's transaction, until no other posting of its one stock key on
     * this instance is between its balance change and its commit; released when this transaction completes.
     */
    void beforeBalances(List<StockKey> keys) {
        if (!gatesBalances()
                || keys.isEmpty()
                || !TransactionSynchronizationManager.isSynchronizationActive()
                || keys.stream().distinct().count() != 1) {
            return;
        }
        ReentrantLock lock = stripes[Math.floorMod(keys.get(0).hashCode(), stripes.length)];
        if (!acquire(lock)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
    }

    /** Whether {@link #beforeBalances} can wait (mode {@code balance}): other modes need not list the keys for it. */
    boolean gatesBalances() {
        return mode == Mode.BALANCE;
    }

    private boolean acquire(ReentrantLock lock) {
        try {
            return lock.tryLock(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The stripe of the one stock key the lines name; null when they name several, none, or run in a transaction. */
    ReentrantLock lockOf(List<MovementRequest> lines) {
        String key = stripes.length == 0 ? null : singleKey(lines);
        return key == null ? null : stripes[Math.floorMod(key.hashCode(), stripes.length)];
    }

    /**
     * Mode {@code coalesce}: the one stock key the lines name, as the key of the postings that may share a
     * transaction ({@link PostingCoalescer}); null in the other modes, or when the lines name several keys, none, or
     * run in a caller's transaction.
     */
    String coalescingKey(List<MovementRequest> lines) {
        if (mode != Mode.COALESCE || lines == null || lines.stream().anyMatch(l -> l != null && l.unitCost() != null)) {
            // a priced line may move the item's average cost, whose row every posting locks before any balance row;
            // in a group it would come after the earlier postings' balance changes, against that order (a deadlock
            // with a batch of the item), so such a posting goes on its own
            return null;
        }
        return singleKey(lines);
    }

    /** How long a posting waits for its key's queue before it goes on without it. */
    long waitNanos() {
        return waitNanos;
    }

    private static String singleKey(List<MovementRequest> lines) {
        if (lines == null || lines.isEmpty() || TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        String key = null;
        for (MovementRequest line : lines) {
            String k = line == null ? null : key(line);
            if (k == null || (key != null && !key.equals(k))) {
                return null;
            }
            key = k;
        }
        return key;
    }

    /** The codes of a line's stock key as the resolver reads them (trimmed; owner OWN and lot '' by default). */
    private static String key(MovementRequest line) {
        if (line.item() == null || line.location() == null) {
            return null;
        }
        String owner = line.owner() == null || line.owner().isBlank()
                ? StockKey.OWN
                : line.owner().trim();
        String lot = Objects.requireNonNullElse(line.lot(), "").trim();
        return line.item().trim() + '\u0000' + line.location().trim() + '\u0000' + owner + '\u0000' + lot;
    }
}
