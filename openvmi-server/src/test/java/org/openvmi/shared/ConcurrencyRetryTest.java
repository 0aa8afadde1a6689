package org.openvmi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.UncategorizedSQLException;

class ConcurrencyRetryTest {

    private final List<Long> pauses = new ArrayList<>();

    private ConcurrencyRetry retry(int attempts) {
        return ConcurrencyRetry.of(attempts).sleepingWith(pauses::add);
    }

    /** Fails {@code failures} times with the given exception, then answers "done"; counts the attempts. */
    private static java.util.function.Supplier<String> failing(int failures, RuntimeException e, AtomicInteger calls) {
        return () -> {
            if (calls.incrementAndGet() <= failures) {
                throw e;
            }
            return "done";
        };
    }

    private static SQLException state(String sqlState) {
        return new SQLException("lost race " + sqlState, sqlState);
    }

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "HYT00", "90131"})
    void a_lost_race_is_run_again_until_it_succeeds(String sqlState) {
        AtomicInteger calls = new AtomicInteger();
        String answer =
                retry(8).run(failing(3, new PessimisticLockingFailureException("deadlock", state(sqlState)), calls));

        assertThat(answer).isEqualTo("done");
        assertThat(calls).hasValue(4);
        assertThat(pauses).hasSize(3).allSatisfy(p -> assertThat(p).isBetween(0L, 55L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "57014", "42P01", "08006", "22003"})
    void other_sql_states_go_straight_to_the_caller(String sqlState) {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException failure = new UncategorizedSQLException("work", "SELECT 1", state(sqlState));

        assertThatThrownBy(() -> retry(8).run(failing(1, failure, calls))).isSameAs(failure);
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void a_transient_failure_without_a_retryable_state_is_not_retried() {
        // a statement timeout is transient for Spring, but running the same work again would only time out again
        AtomicInteger calls = new AtomicInteger();
        QueryTimeoutException timeout = new QueryTimeoutException("timeout", state("57014"));

        assertThatThrownBy(() -> retry(8).run(failing(1, timeout, calls))).isSameAs(timeout);
        assertThat(calls).hasValue(1);
    }

    @Test
    void it_gives_up_after_n_attempts_with_the_last_failure() {
        AtomicInteger calls = new AtomicInteger();
        CannotAcquireLockException deadlock = new CannotAcquireLockException("deadlock", state("40P01"));

        assertThatThrownBy(() -> retry(5).run(failing(Integer.MAX_VALUE, deadlock, calls)))
                .isSameAs(deadlock);
        assertThat(calls).hasValue(5);
        assertThat(pauses).hasSize(4);
    }

    @Test
    void the_state_is_found_deep_in_the_cause_chain_and_in_a_batchs_next_exception() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 3 aborted", "XX000", new int[0]);
        batch.setNextException(state("40P01"));
        RuntimeException wrapped = new IllegalStateException(new UncategorizedSQLException("batch", "UPDATE", batch));

        assertThat(ConcurrencyRetry.retryableSqlState(wrapped)).isTrue();
        assertThat(ConcurrencyRetry.retryableSqlState(new IllegalStateException("no SQL at all")))
                .isFalse();
        assertThat(ConcurrencyRetry.retryableSqlState(new DataIntegrityViolationException("fk", state("23503"))))
                .isFalse();
    }

    @Test
    void a_caller_names_its_own_lost_races_and_only_those() {
        AtomicInteger calls = new AtomicInteger();
        ConcurrencyRetry withKeys = retry(8).alsoOn(DuplicateKeyException.class);

        assertThat(withKeys.run(failing(2, new DuplicateKeyException("same key at once"), calls)))
                .isEqualTo("done");
        assertThat(calls).hasValue(3);

        AtomicInteger others = new AtomicInteger();
        DataIntegrityViolationException fk = new DataIntegrityViolationException("fk");
        assertThatThrownBy(() -> withKeys.run(failing(1, fk, others))).isSameAs(fk);
        assertThat(others).hasValue(1);

        AtomicInteger plain = new AtomicInteger();
        DuplicateKeyException duplicate = new DuplicateKeyException("not named");
        assertThatThrownBy(() -> retry(8).run(failing(1, duplicate, plain))).isSameAs(duplicate);
        assertThat(plain).hasValue(1);
    }

    @Test
    void at_least_one_attempt() {
        assertThatThrownBy(() -> ConcurrencyRetry.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
