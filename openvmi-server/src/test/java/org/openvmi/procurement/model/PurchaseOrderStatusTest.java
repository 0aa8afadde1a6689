package org.openvmi.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvmi.procurement.model.PurchaseOrderStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.IllegalTransition;

class PurchaseOrderStatusTest {

    /** Every allowed move, written out once more so a change to the graph is a deliberate change to this table. */
    private static final Map<PurchaseOrderStatus, Set<PurchaseOrderStatus>> ALLOWED = Map.of(
            SENT, EnumSet.of(CHANGE_PROPOSED, CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED),
            CHANGE_PROPOSED, EnumSet.of(SENT, CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CLOSED),
            CONFIRMED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED),
            PARTIALLY_RECEIVED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED),
            RECEIVED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(PurchaseOrderStatus.class),
            CANCELLED, EnumSet.noneOf(PurchaseOrderStatus.class));

    @Test
    void every_move_is_allowed_exactly_where_the_table_says_and_refused_elsewhere() {
        for (PurchaseOrderStatus from : values()) {
            for (PurchaseOrderStatus to : values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertThat(from.moveTo(to, "PO-1")).as(from + " → " + to).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, "PO-1"))
                            .as(from + " → " + to)
                            .isInstanceOf(IllegalTransition.class);
                }
            }
        }
    }

    @Test
    void a_closed_order_cannot_be_received_on_and_says_from_where_it_could() {
        assertThatThrownBy(() -> CLOSED.afterReceipt(false, "PO-9"))
                .hasMessage("Purchase order PO-9 is CLOSED and cannot become PARTIALLY_RECEIVED: only a purchase order"
                        + " that is CHANGE_PROPOSED or CONFIRMED or PARTIALLY_RECEIVED or SENT can");
        assertThat(CLOSED.receivable()).isFalse();
        assertThat(receivableNames()).containsExactly("SENT", "CHANGE_PROPOSED", "CONFIRMED", "PARTIALLY_RECEIVED");
    }

    @Test
    void only_a_sent_order_is_answered_by_the_supplier() {
        assertThat(SENT.answer(false, "PO-1")).isEqualTo(CONFIRMED);
        assertThat(SENT.answer(true, "PO-1")).isEqualTo(CHANGE_PROPOSED);
        // CONFIRMED is reachable from CHANGE_PROPOSED (the buyer accepts), but not by the supplier answering again
        assertThatThrownBy(() -> CHANGE_PROPOSED.answer(false, "PO-1"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageEndingWith("only a purchase order that is SENT can");
        assertThatThrownBy(() -> CONFIRMED.answer(true, "PO-1")).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void only_a_proposal_is_accepted_and_rejected() {
        assertThat(CHANGE_PROPOSED.acceptChange("PO-1")).isEqualTo(CONFIRMED);
        assertThat(CHANGE_PROPOSED.moveTo(SENT, "PO-1")).isEqualTo(SENT);
        assertThatThrownBy(() -> SENT.acceptChange("PO-1")).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> CONFIRMED.moveTo(SENT, "PO-1")).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void receipts_end_in_received_once_no_line_is_open() {
        assertThat(SENT.afterReceipt(false, "PO-1")).isEqualTo(PARTIALLY_RECEIVED);
        assertThat(PARTIALLY_RECEIVED.afterReceipt(false, "PO-1")).isEqualTo(PARTIALLY_RECEIVED);
        assertThat(CONFIRMED.afterReceipt(true, "PO-1")).isEqualTo(RECEIVED);
        assertThat(from(RECEIVED)).containsExactly("SENT", "CHANGE_PROPOSED", "CONFIRMED", "PARTIALLY_RECEIVED");
    }

    @Test
    void lines_are_cancelled_only_while_no_proposal_waits_and_the_last_one_ends_the_order() {
        assertThat(EnumSet.allOf(PurchaseOrderStatus.class).stream().filter(PurchaseOrderStatus::linesCancellable))
                .containsExactly(SENT, CONFIRMED, PARTIALLY_RECEIVED);
        assertThat(CONFIRMED.afterLastLineCancelled(false, "PO-1")).isEqualTo(CANCELLED);
        assertThat(PARTIALLY_RECEIVED.afterLastLineCancelled(true, "PO-1")).isEqualTo(RECEIVED);
        assertThatThrownBy(() -> CHANGE_PROPOSED.afterLastLineCancelled(false, "PO-1"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageEndingWith("only a purchase order that is CONFIRMED or PARTIALLY_RECEIVED or SENT can");
    }
}
