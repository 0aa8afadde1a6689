package org.openvmi.consignment.internal;

import java.util.function.Supplier;
import org.openvmi.shared.ConcurrencyRetry;
import org.springframework.dao.DuplicateKeyException;
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
    public static class Retry extends org.openvmi.shared.LostRace {
        public Retry(String message) {
            super(message);
        }
    }

    private final TransactionTemplate transactions;
    private final ConcurrencyRetry retry = ConcurrencyRetry.of(10).alsoOn(Retry.class, DuplicateKeyException.class);

    UseCases(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T run(Supplier<T> useCase) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return useCase.get();
        }
        return retry.run(() -> transactions.execute(status -> useCase.get()));
    }
}
