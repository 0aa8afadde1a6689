package org.openvmi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which number texts are refused before they are parsed (the exact column bounds are @Digits on the requests). */
class JsonNumbersTest {

    @Test
    void absurd_number_texts_are_refused_before_parsing() {
        assertThat(JsonNumbers.refusal("1e2000000")).contains("out of range");
        assertThat(JsonNumbers.refusal("1E+2000000000000")).contains("out of range");
        assertThat(JsonNumbers.refusal("1e400")).contains("out of range");
        assertThat(JsonNumbers.refusal("-1e-400")).contains("out of range");
        assertThat(JsonNumbers.refusal("9".repeat(400))).contains("out of range");
        assertThat(JsonNumbers.refusal("1" + "0".repeat(45))).contains("out of range");
    }

    @Test
    void ordinary_numbers_and_malformed_texts_pass_on_to_the_usual_checks() {
        assertThat(JsonNumbers.refusal("12.5")).isNull();
        assertThat(JsonNumbers.refusal("-0.0001")).isNull();
        assertThat(JsonNumbers.refusal("1e20")).isNull(); // refused by @Digits, naming the column's bounds
        assertThat(JsonNumbers.refusal("abc")).isNull();
        assertThat(JsonNumbers.refusal("1e")).isNull();
    }
}
