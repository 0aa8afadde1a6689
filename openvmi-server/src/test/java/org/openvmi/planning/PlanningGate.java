package org.openvmi.planning;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openvmi.planning.internal.PolicyUpdates;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Lets a test hold a planning run in the middle of writing its first chunk (before the stock policies are written),
 * so that the RUNNING state and its progress can be seen for certain, then let it go on; or ({@link #holdReads()})
 * hold it earlier, as it reads what a run needs (the manual lines) before planning anything — for a split run, with
 * the chunk claimed and nothing written, as long as the test wants.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlanningGate {

    private static volatile CountDownLatch closed;
    private static volatile CountDownLatch reads;

    /** Runs that reach the policy write wait until {@link #open()}. */
    static void close() {
        closed = new CountDownLatch(1);
    }

    static void open() {
        CountDownLatch latch = closed;
        closed = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Runs that read their inputs wait until {@link #releaseReads()}. */
    static void holdReads() {
        reads = new CountDownLatch(1);
    }

    static void releaseReads() {
        CountDownLatch latch = reads;
        reads = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        if (latch != null) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Bean
    @Primary
    PolicyUpdates gatedPolicyUpdates(@Qualifier("stockPolicyUpdates") PolicyUpdates delegate) {
        return new PolicyUpdates() {
            @Override
            public int apply(java.util.List<org.openvmi.planning.model.Plan> plans) {
                await(closed);
                return delegate.apply(plans);
            }

            @Override
            public java.util.Map<org.openvmi.inventory.StockPositions.Key, org.openvmi.planning.model.PlanInput.Lines>
                    manualLines(Long warehouseId) {
                await(reads);
                return delegate.manualLines(warehouseId);
            }

            @Override
            public java.util.Map<org.openvmi.inventory.ItemWarehouse, java.math.BigDecimal> serviceLevelTargets(
                    Long warehouseId) {
                return delegate.serviceLevelTargets(warehouseId);
            }
        };
    }
}
