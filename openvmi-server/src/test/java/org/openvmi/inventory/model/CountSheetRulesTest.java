package org.openvmi.inventory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvmi.shared.IllegalTransition;

/** The count sheet in plain Java: scope, found stock, blind book quantities and the posting rules. */
class CountSheetRulesTest {

    static final StockKey BRG = new StockKey(1, 10, "OWN", "");
    static final StockKey NUT = new StockKey(2, 10, "OWN", "");

    static CountSheet sheet(boolean blind) {
        return new CountSheet(
                3,
                0,
                CountStatus.OPEN,
                "WH1",
                "A-01",
                "bearings",
                blind,
                List.of(new CountLine(1, BRG, "BRG", "A-01", new BigDecimal("10"), null, false, null, null)));
    }

    static CountSheet.Entry entry(StockKey key, String item, String category, String location, String counted) {
        return new CountSheet.Entry(
                key, item, category, location, "WH1", false, new BigDecimal(counted), BigDecimal.ZERO);
    }

    @Test
    void counted_quantities_fill_the_sheet_and_unknown_keys_are_added_as_found() {
        CountSheet s = sheet(false);
        assertThat(s.enter(List.of(
                        entry(BRG, "BRG", "bearings", "A-01", "9"), entry(NUT, "NUT", "bearings", "A-01", "2"))))
                .isEmpty();
        assertThat(s.lines()).hasSize(2);
        assertThat(s.lines().get(1).found()).isTrue();
        assertThat(s.changedLines()).extracting(CountLine::lineNo).containsExactly(1, 2);
    }

    @Test
    void keys_outside_the_sheet_location_or_category_are_refused() {
        CountSheet s = sheet(false);
        assertThat(s.enter(List.of(entry(NUT, "NUT", "bearings", "A-02", "1"))))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("lines[0].location"));
        assertThat(s.enter(List.of(entry(NUT, "NUT", "bolts", "A-01", "1"))))
                .hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("lines[0].item"));
        assertThat(s.lines()).hasSize(1);
    }

    @Test
    void posting_needs_every_line_counted_and_the_variance_is_counted_minus_book_at_posting() {
        CountSheet s = sheet(true);
        assertThat(s.showsBook()).isFalse();
        assertThat(s.post()).hasValueSatisfying(r -> assertThat(r.field()).isEqualTo("lines[0].counted"));
        s.enter(List.of(entry(BRG, "BRG", "bearings", "A-01", "9")));
        assertThat(s.post()).isEmpty();
        s.posted(Map.of(1, new BigDecimal("12")));
        assertThat(s.lines().get(0).variance()).isEqualByComparingTo("-3");
        assertThat(s.showsBook()).isTrue();
        assertThatThrownBy(s::post).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> s.enter(List.of(entry(BRG, "BRG", "bearings", "A-01", "1"))))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("is POSTED and cannot become OPEN");
    }
}
