package org.openvmi.shared.embedded;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The transaction manager of the embedded database: every read-write transaction passes the {@link WriteGate} before it
 * takes a connection and leaves it after commit or rollback, so H2 never runs two writing transactions at once; read-only
 * transactions and single statements outside a transaction run beside the writer as before. Why: ADR 0016 (H2's row
 * locking lost units under concurrent postings with rollbacks).
 */
class SingleWriterTransactionManager extends JdbcTransactionManager {

    private final transient WriteGate gate;
    /** The transaction objects that entered the gate (a transaction object is compared by identity). */
    private final transient Set<Object> gated = ConcurrentHashMap.newKeySet();

    SingleWriterTransactionManager(DataSource dataSource, WriteGate gate) {
        super(dataSource);
        this.gate = gate;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (definition.isReadOnly()) {
            super.doBegin(transaction, definition);
            return;
        }
        // the gate first, the connection second: a waiting writer must not hold a pooled connection
        gate.enter();
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException | Error e) {
            gate.leave();
            throw e;
        }
        gated.add(transaction);
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            if (gated.remove(transaction)) {
                gate.leave();
            }
        }
    }
}
