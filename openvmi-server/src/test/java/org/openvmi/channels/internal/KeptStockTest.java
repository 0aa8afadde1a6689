package org.openvmi.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.channels.model.AllocationRule;
import org.openvmi.inventory.FreeStock;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.inventory.StockChanged;
import org.openvmi.inventory.StockQueries;
import org.openvmi.shared.cluster.CacheVersions;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * ADR 0082: the ATP read's kept stock reads an item once and serves it from memory until something changes it; a
 * change drops it at once and again after the changing transaction; a load that raced a drop is not kept; the refresh
 * re-reads kept entries (what no event told this instance of); another set of pools drops everything.
 */
class KeptStockTest {

    private static final long ITEM = 7;
    private static final long WAREHOUSE = 3;

    private final ChannelRepository channels = mock(ChannelRepository.class);
    private final StockQueries stock = mock(StockQueries.class);
    private final CatalogRefs refs = mock(CatalogRefs.class);
    private final CacheVersions versions = mock(CacheVersions.class);
    // no refresh thread: the test calls refresh() itself
    private final KeptStock kept =
            new KeptStock(channels, stock, refs, versions, Duration.ZERO, Duration.ofSeconds(60));
    private final List<AllocationRule> rules = List.of(rule(WAREHOUSE));

    @AfterEach
    void stop() {
        kept.stop();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private static AllocationRule rule(long... pool) {
        Set<Long> warehouses = new TreeSet<>();
        for (long w : pool) {
            warehouses.add(w);
        }
        return new AllocationRule(1, "SHOP", 1, Set.copyOf(warehouses), null, null, BigDecimal.ZERO, null);
    }

    private void freeStock(int qty) {
        when(stock.freeStock(anyCollection(), anyCollection()))
                .thenReturn(List.of(new FreeStock(ITEM, WAREHOUSE, "B1", "", new BigDecimal(qty))));
        when(channels.pausesAndHolds(anyCollection()))
                .thenReturn(new ChannelRepository.PausesAndHolds(Map.of(), Map.of(), Map.of()));
    }

    private BigDecimal atp() {
        return kept.picture(List.of(ITEM), rules).allocation().get(ITEM).of(1).total();
    }

    @Test
    void an_item_is_read_once_and_then_served_from_memory() {
        freeStock(10);
        assertThat(atp()).isEqualByComparingTo("10");
        assertThat(atp()).isEqualByComparingTo("10");
        assertThat(atp()).isEqualByComparingTo("10");
        verify(stock, times(1)).freeStock(anyCollection(), anyCollection());
        verify(channels, times(1)).pausesAndHolds(anyCollection());
    }

    @Test
    void a_posting_drops_the_item_once_it_committed_and_the_next_read_sees_the_new_stock() {
        freeStock(10);
        assertThat(atp()).isEqualByComparingTo("10");

        TransactionSynchronizationManager.initSynchronization();
        kept.on(new StockChanged(new TreeSet<>(Set.of(new ItemWarehouse(ITEM, WAREHOUSE)))));
        List<TransactionSynchronization> after = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        // a read between the drop and the commit loads what is committed so far (the old figure) ...
        assertThat(atp()).isEqualByComparingTo("10");
        freeStock(4); // ... the posting commits
        after.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        // ... and the drop after completion makes the next read load again
        assertThat(atp()).isEqualByComparingTo("4");
        verify(stock, times(3)).freeStock(anyCollection(), anyCollection());
    }

    @Test
    void a_load_that_raced_a_drop_is_answered_but_not_kept() {
        AtomicReference<Boolean> first = new AtomicReference<>(true);
        when(channels.pausesAndHolds(anyCollection()))
                .thenReturn(new ChannelRepository.PausesAndHolds(Map.of(), Map.of(), Map.of()));
        when(stock.freeStock(anyCollection(), anyCollection())).thenAnswer(i -> {
            if (first.getAndSet(false)) {
                kept.dropAfterCompletion(List.of(ITEM)); // an order committed while the first load was reading
                return List.of(new FreeStock(ITEM, WAREHOUSE, "B1", "", new BigDecimal(10)));
            }
            return List.of(new FreeStock(ITEM, WAREHOUSE, "B1", "", new BigDecimal(9)));
        });
        assertThat(atp()).isEqualByComparingTo("10");
        assertThat(atp()).isEqualByComparingTo("9"); // read again: the raced load was not kept
        assertThat(atp()).isEqualByComparingTo("9");
        verify(stock, times(2)).freeStock(anyCollection(), anyCollection());
    }

    @Test
    void the_refresh_re_reads_kept_items_a_change_no_event_told_of_and_other_pools_drop_everything() {
        freeStock(10);
        assertThat(atp()).isEqualByComparingTo("10");
        freeStock(6); // a reservation made through the reservations API, or a posting on another instance
        assertThat(atp()).isEqualByComparingTo("10"); // not heard of: the kept figure, until ...
        kept.refresh();
        assertThat(atp()).isEqualByComparingTo("6"); // ... the refresh read it again
        verify(stock, times(2)).freeStock(anyCollection(), anyCollection());

        freeStock(5);
        List<AllocationRule> otherPools = List.of(rule(WAREHOUSE, 4));
        assertThat(kept.picture(List.of(ITEM), otherPools)
                        .allocation()
                        .get(ITEM)
                        .of(1)
                        .total())
                .isEqualByComparingTo("5");
        verify(stock, times(3)).freeStock(anyCollection(), anyCollection());
    }

    @Test
    void item_codes_are_resolved_once_and_a_renamed_code_stops_resolving_at_the_refresh() {
        ItemRef ref = new ItemRef(ITEM, "BRG-1", "bearing", "PCS", false, BigDecimal.ONE);
        when(refs.items(List.of("BRG-1"))).thenReturn(Map.of("BRG-1", ref));
        assertThat(kept.items(List.of("BRG-1"))).containsEntry("BRG-1", ref);
        assertThat(kept.items(List.of("BRG-1"))).containsEntry("BRG-1", ref);
        verify(refs, times(1)).items(List.of("BRG-1"));

        when(refs.itemsById(anyCollection()))
                .thenReturn(Map.of(ITEM, new ItemRef(ITEM, "BRG-2", "bearing", "PCS", false, BigDecimal.ONE)));
        when(refs.items(List.of("BRG-1"))).thenReturn(Map.of());
        kept.refresh();
        assertThat(kept.items(List.of("BRG-1"))).isEmpty();
    }
}
