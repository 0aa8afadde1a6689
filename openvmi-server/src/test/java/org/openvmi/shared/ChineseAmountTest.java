package org.openvmi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAmountTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "0.00, 零元整",
        "0, 零元整",
        "0.05, 伍分",
        "0.50, 伍角",
        "0.56, 伍角陆分",
        "1.00, 壹元整",
        "1.05, 壹元零伍分",
        "10.00, 壹拾元整",
        "10.50, 壹拾元伍角",
        "15.00, 壹拾伍元整",
        "101.00, 壹佰零壹元整",
        "1010.00, 壹仟零壹拾元整",
        "1001.01, 壹仟零壹元零壹分",
        "10500.00, 壹万零伍佰元整",
        "12345.67, 壹万贰仟叁佰肆拾伍元陆角柒分",
        "100010.10, 壹拾万零壹拾元壹角",
        "1000000.00, 壹佰万元整",
        "1000001.00, 壹佰万零壹元整",
        "100000000.00, 壹亿元整",
        "100000001.00, 壹亿零壹元整",
        "100010000.00, 壹亿零壹万元整",
        "120034005.60, 壹亿贰仟零叁万肆仟零伍元陆角",
        "38.35, 叁拾捌元叁角伍分",
    })
    void amounts_are_written_in_chinese_capitals(String amount, String capitals) {
        assertThat(ChineseAmount.of(new BigDecimal(amount))).isEqualTo(capitals);
    }

    @Test
    void the_amount_is_rounded_half_up_to_the_fen_and_a_negative_one_starts_with_fu() {
        assertThat(ChineseAmount.of(new BigDecimal("12345.675"))).isEqualTo("壹万贰仟叁佰肆拾伍元陆角捌分");
        assertThat(ChineseAmount.of(new BigDecimal("0.004"))).isEqualTo("零元整");
        assertThat(ChineseAmount.of(new BigDecimal("-12.30"))).isEqualTo("负壹拾贰元叁角");
    }

    @Test
    void amounts_from_ten_thousand_yi_up_are_refused() {
        assertThat(ChineseAmount.of(new BigDecimal("999999999999.99"))).isEqualTo("玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
        assertThatThrownBy(() -> ChineseAmount.of(new BigDecimal("1000000000000")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
