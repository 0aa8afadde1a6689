package org.openvmi.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvmi.procurement.model.ShipmentNoticeStatus.*;

import org.junit.jupiter.api.Test;
import org.openvmi.shared.IllegalTransition;

class ShipmentNoticeStatusTest {

    @Test
    void a_notice_in_transit_is_received_once() {
        assertThat(IN_TRANSIT.moveTo(RECEIVED, 5)).isEqualTo(RECEIVED);
        assertThat(IN_TRANSIT.receivable()).isTrue();
        assertThat(RECEIVED.receivable()).isFalse();
        assertThatThrownBy(() -> RECEIVED.moveTo(RECEIVED, 5))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage(
                        "Shipment notice 5 is RECEIVED and cannot become RECEIVED: only a shipment notice that is IN_TRANSIT can");
    }

    @Test
    void nothing_goes_back_in_transit() {
        assertThatThrownBy(() -> RECEIVED.moveTo(IN_TRANSIT, 5))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("Shipment notice 5 is RECEIVED and cannot become IN_TRANSIT");
        assertThatThrownBy(() -> IN_TRANSIT.moveTo(IN_TRANSIT, 5)).isInstanceOf(IllegalTransition.class);
    }
}
