package org.openvmi.shared.tabular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The rows of one imported file by key, to report a key that stands on several rows: each of those rows is told the
 * key and every row that has it ("rows 5, 6"), so the person fixing the file sees all of them at once. A key with a
 * missing part is not compared (the missing cell is a problem of its own). One instance per file.
 */
public final class DuplicateKeys {

    /** Told once per row whose key stands on other rows too. */
    @FunctionalInterface
    public interface Report {
        /** {@code key}: the key's non-empty parts joined by " / "; {@code rows}: every row with it, "5, 6". */
        void duplicate(int rowNumber, String key, String rows);
    }

    private final Map<List<String>, List<Integer>> rowsByKey = new LinkedHashMap<>();

    /** Adds one row's key (its parts in key column order; null for a blank part). */
    public void add(int rowNumber, List<String> key) {
        if (key.stream().allMatch(Objects::nonNull)) {
            rowsByKey.computeIfAbsent(List.copyOf(key), k -> new ArrayList<>()).add(rowNumber);
        }
    }

    /** Reports every row of every key added more than once. */
    public void report(Report report) {
        rowsByKey.forEach((key, rowNumbers) -> {
            if (rowNumbers.size() > 1) {
                String rows = rowNumbers.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
                String text = key.stream().filter(k -> !k.isEmpty()).collect(Collectors.joining(" / "));
                rowNumbers.forEach(n -> report.duplicate(n, text, rows));
            }
        });
    }
}
