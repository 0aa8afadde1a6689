package org.openvmi.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {

    @Test
    void every_row_of_a_key_that_stands_twice_is_told_all_its_rows_and_keys_with_a_blank_part_are_not_compared() {
        DuplicateKeys keys = new DuplicateKeys();
        keys.add(6, List.of("A", "W1", ""));
        keys.add(2, List.of("A", "W1", "L1"));
        keys.add(5, List.of("A", "W1", ""));
        keys.add(3, Arrays.asList("A", null, ""));
        keys.add(4, Arrays.asList("A", null, ""));
        List<String> told = new ArrayList<>();
        keys.report((row, key, rows) -> told.add(row + " " + key + " (" + rows + ")"));
        assertThat(told).containsExactly("6 A / W1 (5, 6)", "5 A / W1 (5, 6)");
    }
}
