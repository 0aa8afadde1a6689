package org.openvmi.channels.internal;

import java.util.List;

import org.openvmi.inventory.StockChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-judges channel pauses when stock moved (a receipt resumes paused channels, an issue may pause them). Runs right
 * after the posting committed, on the posting's thread, in its own transaction: the channel locks are taken after the
 * posting released its balance rows, never while holding them, so postings and channel orders cannot deadlock.
 */
@Component
class PauseWatcher {

    private final ChannelStock stock;
    private final ChannelRepository channels;
    private final TransactionTemplate transactions;

    PauseWatcher(ChannelStock stock, ChannelRepository channels, PlatformTransactionManager transactionManager) {
        this.stock = stock;
        this.channels = channels;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(StockChanged changed) {
        List<Long> items = changed.subjects().stream().map(s -> s.itemId()).distinct().toList();
        if (items.isEmpty() || channels.rules().stream().noneMatch(r -> r.pauseBelow() != null)) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            channels.lockItems(items);
            stock.judgePauses(items);
        });
    }
}
