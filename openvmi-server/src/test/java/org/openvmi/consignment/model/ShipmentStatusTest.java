package org.openvmi.consignment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvmi.consignment.model.ShipmentStatus.*;

import org.junit.jupiter.api.Test;
import org.openvmi.shared.IllegalTransition;

class ShipmentStatusTest {

    @Test
    void a_shipment_is_received_in_parts_until_no_line_is_open() {
        assertThat(IN_TRANSIT.afterReceipt(false, 4)).isEqualTo(PARTIALLY_RECEIVED);
        assertThat(IN_TRANSIT.afterReceipt(true, 4)).isEqualTo(RECEIVED);
        assertThat(PARTIALLY_RECEIVED.afterReceipt(false, 4)).isEqualTo(PARTIALLY_RECEIVED);
        assertThat(PARTIALLY_RECEIVED.afterReceipt(true, 4)).isEqualTo(RECEIVED);
        assertThat(IN_TRANSIT.open()).isTrue();
        assertThat(RECEIVED.open()).isFalse();
    }

    @Test
    void a_received_shipment_takes_no_more_and_nothing_goes_back_in_transit() {
        assertThatThrownBy(() -> RECEIVED.afterReceipt(false, 4))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage(
                        "Shipment 4 is RECEIVED and cannot become PARTIALLY_RECEIVED: only a shipment that is IN_TRANSIT or"
                                + " PARTIALLY_RECEIVED can");
        for (ShipmentStatus from : values()) {
            assertThatThrownBy(() -> from.moveTo(IN_TRANSIT, 4)).isInstanceOf(IllegalTransition.class);
        }
    }
}
