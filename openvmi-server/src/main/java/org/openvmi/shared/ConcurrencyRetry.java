package org.openvmi.shared;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a unit of work (one whole transaction) again when it lost a race in the database: a serialization failure, a
 * deadlock, a lock wait that timed out. Only those SQL states are retried, found anywhere in the cause chain, plus
 * what the caller names as a lost race of its own (a concurrent insert of the same key, a stale document version);
 * everything else goes straight to the caller. After {@code maxAttempts} the last failure is thrown. The work must be
 * a whole transaction: a retry inside one that the database already rolled back would fail again.
 */
public final class ConcurrencyRetry {

    /**
     * 40001 serialization failure (and H2's deadlock), 40P01 PostgreSQL's deadlock, HYT00 H2's lock timeout, 90131
     * H2's concurrent update of the same row.
     */
    static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01", "HYT00", "90131");

    /** Enough for the ledger's hot-key and concurrency tests with 16 clients on 2 cores. */
    public static final int DEFAULT_ATTEMPTS = 8;

    private final int maxAttempts;
    private final Predicate<Throwable> alsoRetry;
    private final LongConsumer sleep;

    private ConcurrencyRetry(int maxAttempts, Predicate<Throwable> alsoRetry, LongConsumer sleep) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.alsoRetry = alsoRetry;
        this.sleep = sleep;
    }

    public static ConcurrencyRetry of(int maxAttempts) {
        return new ConcurrencyRetry(maxAttempts, e -> false, ConcurrencyRetry::sleep);
    }

    /** Also runs again on these failures (e.g. DuplicateKeyException of a concurrent first insert). */
    @SafeVarargs
    public final ConcurrencyRetry alsoOn(Class<? extends Throwable>... lostRaces) {
        return alsoWhen(e -> Set.of(lostRaces).stream().anyMatch(c -> c.isInstance(e)));
    }

    public ConcurrencyRetry alsoWhen(Predicate<Throwable> lostRace) {
        return new ConcurrencyRetry(maxAttempts, alsoRetry.or(lostRace), sleep);
    }

    /** For tests: how to wait between attempts (milliseconds). */
    ConcurrencyRetry sleepingWith(LongConsumer sleeper) {
        return new ConcurrencyRetry(maxAttempts, alsoRetry, sleeper);
    }

    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !(retryableSqlState(e) || alsoRetry.test(e))) {
                    throw e;
                }
                // a short, growing, jittered pause so the winners of the race can commit first
                sleep.accept(Math.min(50, (long) attempt * attempt * 2) + (long) (Math.random() * 5));
            }
        }
    }

    /** Whether the failure, or any exception it was caused by, carries a SQL state of a lost race. */
    public static boolean retryableSqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && RETRYABLE_SQL_STATES.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
