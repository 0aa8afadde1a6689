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
 * so that the RUNNING state and its progress can be seen for certain, then let it go on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlanningGate {

    private static volatile CountDownLatch closed;

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

    @Bean
    @Primary
    PolicyUpdates gatedPolicyUpdates(@Qualifier("stockPolicyUpdates") PolicyUpdates delegate) {
        return new PolicyUpdates() {
            @Override
            public int apply(java.util.List<org.openvmi.planning.model.Plan> plans) {
                CountDownLatch latch = closed;
                if (latch != null) {
                    try {
                        latch.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return delegate.apply(plans);
            }

            @Override
            public java.util.Map<org.openvmi.inventory.StockPositions.Key, org.openvmi.planning.model.PlanInput.Lines>
                    manualLines(Long warehouseId) {
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
