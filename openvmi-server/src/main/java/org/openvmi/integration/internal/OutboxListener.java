package org.openvmi.integration.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Handles a feature's application event inside the transaction that published it, just before it commits: the
 * outbox row is written atomically with the business change (both or neither), and rows of one key get ids in the
 * order their transactions committed. Outside a transaction it runs at once (fallbackExecution).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
@interface OutboxListener {}
