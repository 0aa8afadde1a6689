package org.openvmi.consignment.internal;

import org.openvmi.shared.CurrentUser;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one consignment use case as one transaction. A lost race (a stale document version, a deadlock or
 * serialization victim, a balance row created concurrently, stock taken by a concurrent consumption between our read
 * and our posting) runs the whole use case again from a fresh read, so the rules then give the real answer.
 */
@Component
public class UseCases {

    /** Thrown by a use case that saw its read go stale; the use case runs again. */
    public static class Retry extends RuntimeException {
        public Retry(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_ATTEMPTS = 10;

    private final TransactionTemplate transactions;

    UseCases(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T run(Supplier<T> useCase) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return useCase.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> useCase.get());
            } catch (Retry | DuplicateKeyException | TransientDataAccessException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                backoff(attempt);
            }
        }
    }


    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(50, (long) attempt * attempt * 2) + (long) (Math.random() * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
