package org.openvmi.catalog.model;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.catalog.ImportResult;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.tabular.DuplicateKeys;
import org.openvmi.shared.tabular.TabularRow;

/**
 * The import algorithm, the same for every entity: check the header, read every row, validate every row (Bean
 * Validation of the command, a key twice in the file, the adapter's checks against the database), then write all
 * rows, or with {@code partial} the good ones only. All in memory: the database sees a few reads and batch writes.
 */
public final class TabularImport {

    private final Validator validator;
    private final Texts texts;

    public TabularImport(Validator validator, Texts texts) {
        this.validator = validator;
        this.texts = texts;
    }

    /** The caller runs this in one transaction. A file-level problem (columns) is an {@link InvalidInputException}. */
    public <C> ImportResult run(TabularAdapter<C> adapter, List<TabularRow> file, boolean partial) {
        Map<String, String> header = header(adapter, file);
        List<TabularRow> table = file.stream()
                .map(raw -> canonical(raw, header))
                .filter(r -> !r.cells().isEmpty())
                .toList();
        RowProblems problems = new RowProblems(texts);
        List<ImportRow<C>> rows = table.stream()
                .map(r -> new ImportRow<>(r.rowNumber(), adapter.read(r, problems)))
                .toList();
        ImportBatch<C> batch = adapter.prepare(rows, Set.copyOf(header.values()));
        rows = rows.stream()
                .map(r -> new ImportRow<>(r.row(), batch.complete(r.command())))
                .toList();
        rows.forEach(r -> validate(r, problems));
        duplicateKeys(adapter, table, problems);
        batch.check(rows, problems);

        if (!problems.isEmpty() && !partial) {
            return ImportResult.refused(problems.badRows(), problems.list());
        }
        List<ImportRow<C>> good =
                rows.stream().filter(r -> !problems.has(r.row())).toList();
        ImportBatch.Written written = good.isEmpty() ? new ImportBatch.Written(0, 0, 0) : batch.write(good);
        return new ImportResult(
                good.size(),
                problems.badRows(),
                problems.list(),
                written.created(),
                written.updated(),
                written.unchanged());
    }

    /** File header name → column name (matched ignoring case); unknown or missing required columns refuse the file. */
    private Map<String, String> header(TabularAdapter<?> adapter, List<TabularRow> file) {
        Map<String, String> byLowerCase =
                adapter.columns().stream().collect(Collectors.toMap(c -> c.toLowerCase(Locale.ROOT), c -> c));
        Map<String, String> header = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> names = file.isEmpty() ? Set.of() : file.get(0).cells().keySet();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String column = byLowerCase.get(name.trim().toLowerCase(Locale.ROOT));
            if (column == null) {
                unknown.add(name);
            } else {
                header.put(name, column);
            }
        }
        String expected = String.join(",", adapter.columns());
        if (!unknown.isEmpty()) {
            throw InvalidInputException.of(
                    "file", texts.get("imports.error.unknownColumns", String.join(", ", unknown), expected));
        }
        Set<String> missing = new LinkedHashSet<>(adapter.requiredColumns());
        missing.removeAll(header.values());
        if (!file.isEmpty() && !missing.isEmpty()) {
            throw InvalidInputException.of(
                    "file", texts.get("imports.error.missingColumns", String.join(", ", missing), expected));
        }
        return header;
    }

    /** The row with column names for keys and without blank cells; no cells left means a blank row. */
    private static TabularRow canonical(TabularRow raw, Map<String, String> header) {
        Map<String, String> cells = new LinkedHashMap<>();
        header.forEach((name, column) -> {
            String value = raw.get(name);
            if (value != null) {
                cells.put(column, value);
            }
        });
        return new TabularRow(raw.rowNumber(), cells);
    }

    private <C> void validate(ImportRow<C> row, RowProblems problems) {
        for (ConstraintViolation<C> v : validator.validate(row.command())) {
            problems.add(row.row(), field(v.getPropertyPath().toString()), v.getMessage());
        }
    }

    /** {@code barcodes[1].<list element>} → {@code barcodes}: the column, not the Java path. */
    private static String field(String propertyPath) {
        int end = propertyPath.length();
        for (char c : new char[] {'[', '.'}) {
            int i = propertyPath.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return propertyPath.substring(0, end);
    }

    private static void duplicateKeys(TabularAdapter<?> adapter, List<TabularRow> table, RowProblems problems) {
        DuplicateKeys keys = new DuplicateKeys();
        table.forEach(row -> keys.add(row.rowNumber(), adapter.rowKey(row)));
        String field = String.join(",", adapter.keyColumns());
        keys.report((row, key, rows) -> problems.reject(row, field, "imports.error.duplicateKey", key, rows));
    }
}
