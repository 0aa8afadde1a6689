package org.openvmi.inventory.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.openvmi.inventory.model.Refusal;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConcurrencyRetry;
import org.openvmi.shared.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one use case of a stock document as one transaction. When a concurrent change wins the race — a stale document
 * version, a deadlock or serialization victim, a balance row created by someone else — the whole use case runs again
 * from a fresh read, so the document's own rules then give the real answer (e.g. "already SHIPPED").
 */
@Component
public class DocumentTransactions {

    private final TransactionTemplate transactions;
    private final ConcurrencyRetry retry = ConcurrencyRetry.of(ConcurrencyRetry.DEFAULT_ATTEMPTS)
            .alsoOn(StaleDocumentException.class, DuplicateKeyException.class);

    DocumentTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T run(Supplier<T> useCase) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return useCase.get(); // the caller's transaction decides; it retries as a whole
        }
        return retry.run(() -> transactions.execute(status -> useCase.get()));
    }

    /** Turns a document's refusal into the answer: 409 for a state conflict, 422 for a business rule. */
    public static void refuse(Optional<Refusal> refusal) {
        refusal.ifPresent(r -> {
            throw r.kind() == Refusal.Kind.CONFLICT
                    ? new ConflictException(r.field(), r.reason())
                    : new BusinessRuleException(r.field(), r.reason());
        });
    }
}
