package org.openvmi.channels.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openvmi.inventory.ReservationEnded;
import org.openvmi.inventory.Reservations;
import org.openvmi.shared.ConflictException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A reservation a channel order holds, released outside channels (the reservations API or page, or expired): the
 * order becomes RELEASED in the same transaction, saying why, and its other reservations are released with it (an
 * order is whole or nothing, as it was placed), so the channel's hold no longer counts and nothing stays reserved for
 * an order that is gone. Runs inside the releasing transaction and takes no channel item lock (the release holds a
 * balance row; channel orders take the item lock first), only the order's own rows; the pauses are judged after
 * commit like after a posting.
 */
@Component
class ReservationWatcher {

    /** Close reason codes of {@link org.openvmi.channels.ChannelOrderView#closeReasonCode()} (ADR 0084). */
    static final String CLOSED_RESERVATION_EXPIRED = "reservationExpired";

    static final String CLOSED_RESERVATION_RELEASED = "reservationReleased";

    private final ChannelOrderRepository orders;
    private final Reservations reservations;
    private final PauseWatcher pauses;
    private final KeptStock kept;
    private final Clock clock;

    ReservationWatcher(
            ChannelOrderRepository orders,
            Reservations reservations,
            PauseWatcher pauses,
            KeptStock kept,
            Clock clock) {
        this.kept = kept;
        this.orders = orders;
        this.reservations = reservations;
        this.pauses = pauses;
        this.clock = clock;
    }

    @EventListener
    void on(ReservationEnded ended) {
        Optional<Long> order = orders.endHold(ended.reservationId());
        if (order.isEmpty()) {
            return;
        }
        boolean expired = "EXPIRED".equals(ended.status());
        String reason = "reservation " + ended.reservationId() + " "
                + (expired ? "expired" : "released by " + ended.by())
                + " outside channels";
        String code = expired ? CLOSED_RESERVATION_EXPIRED : CLOSED_RESERVATION_RELEASED;
        List<Long> items = orders.itemIds(order.get());
        for (long other :
                orders.releasedOutside(order.get(), ended.by(), clock.instant(), reason, code, ended.reservationId())) {
            try {
                reservations.release(other);
            } catch (ConflictException e) {
                // already released or expired by someone else meanwhile: nothing left to give back
            }
        }
        kept.dropAfterCompletion(items);
        pauses.judgeAfterCommit(items);
    }
}
