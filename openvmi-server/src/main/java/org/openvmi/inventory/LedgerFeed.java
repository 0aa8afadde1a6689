package org.openvmi.inventory;

import java.util.List;
import org.openvmi.inventory.internal.LedgerFeedRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's movements in id order, in batches, for read models that catch up from the last id they processed.
 * Not scoped to a party: the consumers are background jobs that apply the scope to what they derive.
 */
@Service
public class LedgerFeed {

    private final LedgerFeedRepository repository;

    LedgerFeed(LedgerFeedRepository repository) {
        this.repository = repository;
    }

    /** At most {@code limit} movements with an id above {@code afterId}, lowest id first. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> after(long afterId, int limit) {
        return repository.after(afterId, limit);
    }
}
