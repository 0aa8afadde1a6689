package org.openvmi.inventory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.IllegalTransition;

/** The transfer aggregate in plain Java: its state machine and the reasons it gives when it refuses. */
class TransferRulesTest {

    static Transfer draft() {
        return new Transfer(
                7,
                0,
                TransferStatus.DRAFT,
                "A-01",
                "B-01",
                null,
                List.of(
                        new TransferLine(1, "BRG", "OWN", "", new BigDecimal("10"), null, null),
                        new TransferLine(2, "BRG", "S001", "", new BigDecimal("4"), null, null)));
    }

    static TransferReceipt receipt(String owner, String qty) {
        return new TransferReceipt("BRG", owner, "", new BigDecimal(qty));
    }

    @Test
    void a_draft_ships_every_line_in_full_and_records_what_moved() {
        Transfer t = draft();
        assertThat(t.ship("B-TRANSIT", "WH-B")).isEmpty();
        assertThat(t.status()).isEqualTo(TransferStatus.SHIPPED);
        assertThat(t.lines()).extracting(TransferLine::open).containsExactly(new BigDecimal("10"), new BigDecimal("4"));
        assertThat(t.events())
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(TransferEvent.Type.SHIPPED));
    }

    @Test
    void shipping_twice_or_without_an_in_transit_location_is_refused_with_a_reason() {
        Transfer noTransit = draft();
        assertThat(noTransit.ship(null, "WH-B")).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.RULE);
            assertThat(r.field()).isEqualTo("to");
            assertThat(r.reason()).contains("WH-B", "in-transit");
        });
        assertThat(noTransit.status()).isEqualTo(TransferStatus.DRAFT);
        Transfer t = draft();
        t.ship("B-TRANSIT", "WH-B");
        assertThatThrownBy(() -> t.ship("B-TRANSIT", "WH-B"))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("Transfer 7 is SHIPPED and cannot become SHIPPED: only a transfer that is DRAFT can");
    }

    @Test
    void partial_receipts_add_up_until_the_transfer_is_received() {
        Transfer t = draft();
        t.ship("B-TRANSIT", "WH-B");
        assertThat(t.receive(List.of(receipt("OWN", "6"), receipt("S001", "4"))))
                .isEmpty();
        assertThat(t.status()).isEqualTo(TransferStatus.PARTIALLY_RECEIVED);
        assertThat(t.receive(List.of(receipt("OWN", "4")))).isEmpty();
        assertThat(t.status()).isEqualTo(TransferStatus.RECEIVED);
        assertThatThrownBy(t::close).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void receiving_more_than_shipped_even_over_two_lines_of_one_receipt_is_refused() {
        Transfer t = draft();
        t.ship("B-TRANSIT", "WH-B");
        assertThat(t.receive(List.of(receipt("OWN", "6"), receipt("OWN", "5")))).hasValueSatisfying(r -> {
            assertThat(r.field()).isEqualTo("lines[1].qty");
            assertThat(r.reason()).contains("shipped 10, received 0, open 10, requested 11");
        });
        assertThat(t.lines().get(0).received()).isZero();
        assertThat(t.receive(List.of(receipt(null, "1"))))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("lines[0].owner"));
        assertThat(t.receive(List.of(new TransferReceipt("NUT", null, "", BigDecimal.ONE))))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("lines[0].item"));
    }

    @Test
    void closing_records_the_unreceived_rest_as_the_difference() {
        Transfer t = draft();
        assertThatThrownBy(t::close).isInstanceOf(IllegalTransition.class);
        t.ship("B-TRANSIT", "WH-B");
        t.receive(List.of(receipt("OWN", "7"), receipt("S001", "4")));
        assertThat(t.close()).isEmpty();
        assertThat(t.status()).isEqualTo(TransferStatus.CLOSED);
        TransferEvent closed = t.events().get(t.events().size() - 1);
        assertThat(closed.type()).isEqualTo(TransferEvent.Type.CLOSED);
        assertThat(closed.quantities()).singleElement().satisfies(m -> {
            assertThat(m.line().lineNo()).isEqualTo(1);
            assertThat(m.qty()).isEqualByComparingTo("3");
        });
    }

    @Test
    void a_transfer_goes_between_two_warehouses_and_never_from_or_to_in_transit() {
        assertThat(Transfer.route("WH-A", false, "WH-A", false))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("to"));
        assertThat(Transfer.route("WH-A", true, "WH-B", false))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("from"));
        assertThat(Transfer.route("WH-A", false, "WH-B", false)).isEmpty();
    }
}
