package org.openvmi.inventory.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reservation in plain Java: expiry, release and where stock may be reserved. */
class ReservationRulesTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void an_active_reservation_expires_only_once_its_expiry_has_passed() {
        Reservation r = new Reservation(1, BigDecimal.TEN, NOW.plusSeconds(60), ReservationStatus.ACTIVE);
        assertThat(r.expire(NOW)).isPresent();
        assertThat(r.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(r.expire(NOW.plusSeconds(60))).isEmpty();
        assertThat(r.status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(r.release()).hasValueSatisfying(x -> assertThat(x.reason()).contains("EXPIRED"));
    }

    @Test
    void a_reservation_without_expiry_never_expires_and_is_released_once() {
        Reservation r = new Reservation(2, BigDecimal.ONE, null, ReservationStatus.ACTIVE);
        assertThat(r.expire(NOW.plusSeconds(1_000_000))).isPresent();
        assertThat(r.release()).isEmpty();
        assertThat(r.release()).hasValueSatisfying(x -> assertThat(x.kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void the_expiry_must_lie_ahead_and_stock_in_transit_cannot_be_reserved() {
        assertThat(Reservation.expiry(NOW, NOW))
                .hasValueSatisfying(x -> assertThat(x.field()).isEqualTo("expiresAt"));
        assertThat(Reservation.expiry(NOW.plusSeconds(1), NOW)).isEmpty();
        assertThat(Reservation.expiry(null, NOW)).isEmpty();
        assertThat(Reservation.location("B-TRANSIT", true))
                .hasValueSatisfying(x -> assertThat(x.field()).isEqualTo("location"));
    }
}
