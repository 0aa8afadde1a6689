package org.openvmi.inventory;

import java.util.function.Consumer;
import org.openvmi.inventory.internal.StockQueryRepository;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock, movement history and reconciliation; all reads scoped to the caller's party. */
@Service
public class StockQueries {

    /** Exports hold at most this many rows; beyond it the caller is asked to narrow the filters. */
    public static final int EXPORT_LIMIT = 100_000;

    private final StockQueryRepository repository;
    private final MessageSource messages;

    StockQueries(StockQueryRepository repository, MessageSource messages) {
        this.repository = repository;
        this.messages = messages;
    }

    /** What a supplier reads instead of a reason naming another supplier, in the caller's language. */
    private String maskedReason() {
        return messages.getMessage(
                "movements.reason.ownershipTransfer", null, "ownership transfer", LocaleContextHolder.getLocale());
    }

    /**
     * Physical stock of an item at a warehouse: on hand over its locations except in-transit ones, every owner
     * (consignment stock is usable stock). Not scoped: for lines and alerts, which check rights themselves.
     */
    @Transactional(readOnly = true)
    public java.math.BigDecimal onHand(ItemWarehouse subject) {
        return repository.onHand(subject);
    }

    /** {@link #onHand(ItemWarehouse)} of many subjects in one query; subjects without stock are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<ItemWarehouse, java.math.BigDecimal> onHand(java.util.Collection<ItemWarehouse> subjects) {
        return repository.onHand(subjects);
    }

    /**
     * Free own stock (on hand − reserved, owner OWN, above zero) of the given items per location of the given
     * warehouses, in-transit locations excluded: what a sales channel may reserve. Not scoped: channels are buyer-side.
     */
    @Transactional(readOnly = true)
    public java.util.List<FreeStock> freeStock(
            java.util.Collection<Long> itemIds, java.util.Collection<Long> warehouseIds) {
        return repository.freeStock(itemIds, warehouseIds);
    }

    /** Net movement per day of an item at a warehouse (in-transit locations excluded) since {@code from}. */
    @Transactional(readOnly = true)
    public java.util.SortedMap<java.time.LocalDate, java.math.BigDecimal> dailyNetMovement(
            ItemWarehouse subject, java.time.Instant from, java.time.ZoneId zone) {
        return repository.dailyNetMovement(subject, from, zone);
    }

    @Transactional(readOnly = true)
    public PageResult<StockView> stock(StockFilter filter, PageRequest page) {
        return repository.stock(filter, page, PartyScope.current());
    }

    @Transactional(readOnly = true)
    public PageResult<MovementView> movements(MovementFilter filter, PageRequest page) {
        return repository.movements(filter, page, PartyScope.current(), maskedReason());
    }

    /** Own and consignment value of the filtered stock, in total and per warehouse. */
    @Transactional(readOnly = true)
    public StockValueSummary stockValue(StockFilter filter) {
        return repository.stockValue(filter, PartyScope.current());
    }

    /**
     * Streams every balance the filter matches to the sink (for exports), in the order of the list; refuses with
     * {@link ExportTooLargeException} before the first row when more than {@link #EXPORT_LIMIT} match.
     */
    @Transactional(readOnly = true)
    public void exportStock(StockFilter filter, Consumer<StockView> sink) {
        PartyScope scope = PartyScope.current();
        checkExportSize(repository.countStock(filter, scope));
        repository.forEachStock(filter, scope, EXPORT_LIMIT, sink);
    }

    /**
     * Streams every movement the filter matches to the sink (for exports), newest first; refuses with
     * {@link ExportTooLargeException} before the first row when more than {@link #EXPORT_LIMIT} match.
     */
    @Transactional(readOnly = true)
    public void exportMovements(MovementFilter filter, Consumer<MovementView> sink) {
        PartyScope scope = PartyScope.current();
        checkExportSize(repository.countMovements(filter, scope));
        repository.forEachMovement(filter, scope, maskedReason(), EXPORT_LIMIT, sink);
    }

    private static void checkExportSize(long rows) {
        if (rows > EXPORT_LIMIT) {
            throw new ExportTooLargeException(rows, EXPORT_LIMIT);
        }
    }

    @Transactional(readOnly = true)
    public ReconcileReport reconcile() {
        return repository.reconcile();
    }
}
