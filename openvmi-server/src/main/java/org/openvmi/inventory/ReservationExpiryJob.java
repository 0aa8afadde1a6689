package org.openvmi.inventory;

import java.time.Duration;
import org.openvmi.shared.cluster.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases reservations whose expiry has passed, every {@code openvmi.reservations.expiry-check} (default one minute).
 * Each reservation ends by a conditional update, so several instances may run the job at once.
 */
@Component
class ReservationExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiryJob.class);

    private final Reservations reservations;
    private final JobLocks locks;

    ReservationExpiryJob(Reservations reservations, JobLocks locks) {
        this.reservations = reservations;
        this.locks = locks;
    }

    @Scheduled(
            fixedDelayString = "${openvmi.reservations.expiry-check:PT1M}",
            initialDelayString = "${openvmi.reservations.expiry-check:PT1M}")
    void releaseExpired() {
        locks.runOnce("inventory-reservation-expiry", Duration.ofMinutes(10), Duration.ZERO, () -> {
            int released = reservations.expireDue();
            if (released > 0) {
                log.info("Released {} expired reservation(s)", released);
            }
        });
    }
}
