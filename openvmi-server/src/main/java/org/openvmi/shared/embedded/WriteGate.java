package org.openvmi.shared.embedded;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.CannotAcquireLockException;

/**
 * The one writer of the embedded database: a fair, reentrant lock that a read-write transaction holds from its begin
 * to its end (ADR 0016). Reentrant because a REQUIRES_NEW transaction on the same thread must not wait for its own
 * outer transaction. A writer that cannot enter in time gets {@link CannotAcquireLockException}, a transient failure
 * that the ledger and the document flows retry like a lock timeout of the database.
 */
public final class WriteGate {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Duration timeout;
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong contended = new AtomicLong();
    private final AtomicLong longestWaitNanos = new AtomicLong();

    public WriteGate(Duration timeout) {
        this.timeout = timeout;
    }

    void enter() {
        entries.incrementAndGet();
        if (lock.tryLock()) {
            return;
        }
        contended.incrementAndGet();
        long start = System.nanoTime();
        try {
            if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new CannotAcquireLockException(
                        "The embedded database's writer was busy for more than " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotAcquireLockException("Interrupted while waiting for the embedded database's writer", e);
        } finally {
            longestWaitNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
        }
    }

    void leave() {
        lock.unlock();
    }

    /** Whether the calling thread is the writer now (for tests and assertions). */
    public boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** Read-write transactions begun, how many of them had to wait, and the longest wait. */
    public Stats stats() {
        return new Stats(entries.get(), contended.get(), Duration.ofNanos(longestWaitNanos.get()));
    }

    public record Stats(long entries, long contended, Duration longestWait) {}
}
