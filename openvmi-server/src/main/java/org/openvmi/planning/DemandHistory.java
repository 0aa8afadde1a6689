package org.openvmi.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.openvmi.planning.internal.DemandHistoryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Daily demand per item and warehouse. */
@Service
public class DemandHistory {

    private final DemandHistoryRepository repository;

    DemandHistory(DemandHistoryRepository repository) {
        this.repository = repository;
    }

    /** Adds demand for days not recorded yet (a bulk load); a day recorded twice is refused by the key. */
    @Transactional
    public void record(List<DemandRecord> records) {
        repository.insertBatch(records);
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /** Demand per day (days without demand absent) of one item at one warehouse. */
    @Transactional(readOnly = true)
    public Map<LocalDate, BigDecimal> daily(long itemId, long warehouseId, LocalDate from, LocalDate to) {
        return repository.daily(itemId, warehouseId, from, to);
    }
}
