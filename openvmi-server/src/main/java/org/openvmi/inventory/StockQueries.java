package org.openvmi.inventory;

import org.openvmi.inventory.internal.StockQueryRepository;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock, movement history and reconciliation; all reads scoped to the caller's party. */
@Service
public class StockQueries {

    private final StockQueryRepository repository;

    StockQueries(StockQueryRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public PageResult<StockView> stock(StockFilter filter, PageRequest page) {
        return repository.stock(filter, page, PartyScope.current());
    }

    @Transactional(readOnly = true)
    public PageResult<MovementView> movements(MovementFilter filter, PageRequest page) {
        return repository.movements(filter, page, PartyScope.current());
    }

    @Transactional(readOnly = true)
    public ReconcileReport reconcile() {
        return repository.reconcile();
    }
}
