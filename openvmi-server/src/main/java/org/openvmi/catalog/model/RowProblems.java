package org.openvmi.catalog.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openvmi.catalog.ImportResult.RowError;

/** Collects the errors of an import file per row, in row order. */
public final class RowProblems {

    private final Map<Integer, List<RowError>> byRow = new TreeMap<>();
    private final Texts texts;

    public RowProblems(Texts texts) {
        this.texts = texts;
    }

    /** Adds an error whose message is the text of {@code messageKey} in the caller's language. */
    public void reject(int row, String field, String messageKey, Object... args) {
        add(row, field, texts.get(messageKey, args));
    }

    public void add(int row, String field, String message) {
        List<RowError> errors = byRow.computeIfAbsent(row, r -> new ArrayList<>());
        RowError error = new RowError(row, field, message);
        if (!errors.contains(error)) {
            errors.add(error);
        }
    }

    public boolean has(int row) {
        return byRow.containsKey(row);
    }

    public boolean isEmpty() {
        return byRow.isEmpty();
    }

    public int badRows() {
        return byRow.size();
    }

    public List<RowError> list() {
        return byRow.values().stream().flatMap(List::stream).toList();
    }
}
