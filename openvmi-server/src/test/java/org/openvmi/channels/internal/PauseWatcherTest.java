package org.openvmi.channels.internal;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * ADR 0072: the items of the postings committed within one pause window are judged in one pass (one read of the
 * channels' lines and of the items' pauses), and a posting that rolled back is not judged at all.
 */
class PauseWatcherTest {

    private final ChannelStock stock = mock(ChannelStock.class);
    private final ChannelRepository channels = mock(ChannelRepository.class);
    private final PauseWatcher watcher =
            new PauseWatcher(stock, channels, mock(PlatformTransactionManager.class), Duration.ofMillis(200));

    @AfterEach
    void stop() {
        watcher.stop();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void two_postings_of_one_item_within_the_window_are_judged_in_one_pass() {
        when(channels.anyActive()).thenReturn(true);
        when(channels.rules()).thenReturn(List.of());
        when(channels.paused(anyList())).thenReturn(Map.of());
        watcher.judgeAfterCommit(List.of(7L));
        watcher.judgeAfterCommit(List.of(7L, 8L));

        verify(channels, timeout(2_000)).paused(List.of(7L, 8L));
        verify(channels, timeout(2_000).times(1)).rules();
        verify(channels, never()).paused(List.of(7L));
    }

    @Test
    void a_rolled_back_posting_is_not_judged_and_a_committed_one_is() throws Exception {
        when(channels.anyActive()).thenReturn(true);
        when(channels.rules()).thenReturn(List.of());
        when(channels.paused(anyList())).thenReturn(Map.of(9L, Set.of(1L)));

        TransactionSynchronizationManager.initSynchronization();
        watcher.judgeAfterCommit(List.of(5L));
        List<TransactionSynchronization> rolledBack = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        rolledBack.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        Thread.sleep(500); // more than the window
        verify(channels, never()).rules();

        TransactionSynchronizationManager.initSynchronization();
        watcher.judgeAfterCommit(List.of(9L));
        List<TransactionSynchronization> committed = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        committed.forEach(TransactionSynchronization::afterCommit);
        verify(channels, timeout(2_000)).paused(List.of(9L));
        verify(channels, never()).paused(List.of(5L));
    }

    @Test
    void without_an_active_channel_nothing_is_read() throws Exception {
        when(channels.anyActive()).thenReturn(false);
        watcher.judgeAfterCommit(List.of(3L));
        verify(channels, timeout(2_000)).anyActive();
        Thread.sleep(100);
        verify(channels, never()).rules();
        verify(channels, never()).paused(anyList());
    }
}
