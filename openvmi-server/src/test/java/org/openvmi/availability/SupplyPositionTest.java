package org.openvmi.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.OpenSupply;
import org.openvmi.shared.OpenSupply.Event;

class SupplyPositionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    static OpenSupply.Line line(int inDays, Event event, String qty) {
        return new OpenSupply.Line(
                1, 2, TODAY.plusDays(inDays), event, event + "-" + inDays, null, new BigDecimal(qty));
    }

    static BigDecimal d(String x) {
        return new BigDecimal(x);
    }

    @Test
    void lines_run_in_date_order_outbound_first_on_a_day_and_late_lines_count_from_today() {
        SupplyPosition p = SupplyPosition.of(
                TODAY,
                d("10"),
                d("0"),
                d("10"),
                List.of(
                        line(3, Event.PO_LINE, "30"),
                        line(1, Event.TRANSFER_OUT, "-12"),
                        line(-4, Event.SHIPMENT_NOTICE, "5"),
                        line(1, Event.CALL_OFF, "4")));
        assertThat(p.timeline())
                .extracting(e -> e.event().name())
                .containsExactly("ON_HAND", "SHIPMENT_NOTICE", "TRANSFER_OUT", "CALL_OFF", "PO_LINE");
        assertThat(p.timeline())
                .extracting(e -> e.projected().toPlainString())
                .containsExactly("10", "15", "3", "7", "37");
        assertThat(p.onOrder()).isEqualByComparingTo("39");
        assertThat(p.committed()).isEqualByComparingTo("12");
        assertThat(p.inventoryPosition()).isEqualByComparingTo("37");
        assertThat(p.availableToPromise()).isEqualByComparingTo("3");
    }

    @Test
    void reserved_stock_without_a_reservation_document_is_held_today_and_atp_never_goes_below_zero() {
        SupplyPosition p = SupplyPosition.of(
                TODAY,
                d("10"),
                d("6"),
                d("10"),
                List.of(line(0, Event.RESERVATION, "-4"), line(2, Event.TRANSFER_OUT, "-9")));
        assertThat(p.timeline()).extracting(e -> e.qty().toPlainString()).containsExactly("10", "-2", "-4", "-9");
        assertThat(p.timeline().get(1).document()).isNull();
        assertThat(p.inventoryPosition()).isEqualByComparingTo("-5");
        assertThat(p.availableToPromise()).isEqualByComparingTo("0");
    }
}
