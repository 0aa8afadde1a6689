package org.openvmi.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PoNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"PO-12", "po-12", "Po-12", "PO12", "po 12", " PO-12 ", "12", "PO-0012"})
    void the_number_as_printed_is_read_in_any_case_with_or_without_its_prefix(String typed) {
        assertThat(PoNumber.parse(typed)).contains(12L);
        assertThat(PoNumber.format(12)).isEqualTo("PO-12");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {"PO-", "PO-0", "RC-12", "PR-12", "PO-1a", "12.5", "P0-12", "PO--12", "99999999999999999999"})
    void anything_else_is_not_a_po_number(String typed) {
        assertThat(PoNumber.parse(typed)).isEmpty();
    }
}
