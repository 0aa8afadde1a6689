package org.openvmi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SortColumnsTest {

    private static final SortColumns COLUMNS = SortColumns.of("w.code", "w.id", "code", "w.code", "name", "w.name");

    @Test
    void a_whitelisted_key_sorts_by_its_column_then_by_the_id_with_empty_values_last() {
        assertThat(COLUMNS.orderBy(PageRequest.forPage(0, 50).sorted("name", "asc")))
                .isEqualTo(" ORDER BY w.name ASC NULLS LAST, w.id ASC");
        assertThat(COLUMNS.orderBy(PageRequest.forPage(0, 50).sorted("NAME", "desc")))
                .isEqualTo(" ORDER BY w.name DESC NULLS LAST, w.id DESC");
        assertThat(COLUMNS.orderBy("w.code", PageRequest.forPage(0, 50).sorted("name", "desc")))
                .isEqualTo(" ORDER BY w.code, w.name DESC NULLS LAST, w.id DESC");
    }

    @Test
    void no_key_or_an_unknown_one_gives_the_default_order_and_never_reaches_sql() {
        assertThat(COLUMNS.orderBy(PageRequest.forPage(0, 50))).isEqualTo(" ORDER BY w.code");
        assertThat(COLUMNS.orderBy(PageRequest.forPage(0, 50).sorted("  ", "desc")))
                .isEqualTo(" ORDER BY w.code");
        assertThat(COLUMNS.orderBy(PageRequest.forPage(0, 50).sorted("name;drop table x", "desc")))
                .isEqualTo(" ORDER BY w.code");
        assertThat(COLUMNS.orderBy(PageRequest.forPage(0, 50).sorted("w.name", "asc")))
                .isEqualTo(" ORDER BY w.code");
    }

    @Test
    void a_direction_other_than_desc_is_ascending() {
        assertThat(COLUMNS.orderBy(PageRequest.forPage(0, 50).sorted("code", "sideways")))
                .isEqualTo(" ORDER BY w.code ASC NULLS LAST, w.id ASC");
        assertThat(COLUMNS.keys()).containsExactlyInAnyOrder("code", "name");
    }
}
