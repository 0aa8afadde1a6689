package org.openvmi.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The supplier a suggested purchase goes to, and why it differs from the suggestion (the ELE-0195 case). */
class SuggestedSourceTest {

    static SourceOption source(long id, String supplier, String price, boolean primary, String available) {
        return new SourceOption(
                id,
                supplier,
                new BigDecimal(price),
                "CNY",
                BigDecimal.ONE,
                BigDecimal.ONE,
                5,
                primary,
                available == null ? null : new BigDecimal(available));
    }

    @Test
    void the_suggested_supplier_keeps_the_line_when_it_reported_enough_or_nothing() {
        var s003 = source(3, "S003", "29.84", true, null);
        var s007 = source(7, "S007", "31.64", false, "500");
        var choice = SuggestedSource.choose(List.of(s003, s007), "S003", new BigDecimal("40"))
                .orElseThrow();
        assertThat(choice.source()).isEqualTo(s003);
        assertThat(choice.change()).isNull();
    }

    @Test
    void a_supplier_that_reported_too_little_is_replaced_by_the_cheapest_that_has_enough_with_the_reason() {
        var s003 = source(3, "S003", "29.84", true, "0");
        var s009 = source(9, "S009", "35.00", false, "100");
        var s007 = source(7, "S007", "31.64", false, "100");
        var short_ = source(8, "S008", "30.00", false, "10");
        var choice = SuggestedSource.choose(List.of(s003, s009, s007, short_), "S003", new BigDecimal("40"))
                .orElseThrow();
        assertThat(choice.source()).isEqualTo(s007);
        assertThat(choice.suggested()).isEqualTo(s003);
        assertThat(choice.change()).isEqualTo("S003 reported only 0 available");
    }

    @Test
    void a_supplier_no_longer_on_the_source_list_is_replaced_by_the_usual_choice() {
        var s007 = source(7, "S007", "31.64", true, null);
        var choice =
                SuggestedSource.choose(List.of(s007), "S003", BigDecimal.TEN).orElseThrow();
        assertThat(choice.source()).isEqualTo(s007);
        assertThat(choice.suggested()).isNull();
        assertThat(choice.change()).startsWith("S003 is no longer on the source list");
        assertThat(SuggestedSource.choose(List.of(), "S003", BigDecimal.TEN)).isEmpty();
    }
}
