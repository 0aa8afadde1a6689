package org.openvmi.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ImportResult;
import org.openvmi.catalog.ImportResult.RowError;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.tabular.TabularRow;

/** The generic import algorithm, without Spring or a database: a fake entity whose writes are remembered. */
class TabularImportTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final Texts KEYS = (key, args) -> key;

    static class Thing {
        @NotBlank
        String code;

        @NotBlank
        String name;
    }

    static class Things implements TabularAdapter<Thing> {
        final List<String> written = new ArrayList<>();

        @Override
        public String entity() {
            return "things";
        }

        @Override
        public List<String> columns() {
            return List.of("code", "name", "note");
        }

        @Override
        public Set<String> requiredColumns() {
            return Set.of("code", "name");
        }

        @Override
        public List<String> keyColumns() {
            return List.of("code");
        }

        @Override
        public List<List<Object>> exportRows() {
            return List.of();
        }

        @Override
        public Thing read(TabularRow row, RowProblems problems) {
            Thing t = new Thing();
            t.code = row.get("code");
            t.name = row.get("name");
            return t;
        }

        @Override
        public ImportBatch<Thing> prepare(List<ImportRow<Thing>> rows, Set<String> columnsInFile) {
            return new ImportBatch<>() {
                @Override
                public void check(List<ImportRow<Thing>> all, RowProblems problems) {
                    all.stream()
                            .filter(r -> "TAKEN".equals(r.command().code))
                            .forEach(r -> problems.reject(r.row(), "code", "taken"));
                }

                @Override
                public Written write(List<ImportRow<Thing>> good) {
                    good.forEach(r -> written.add(r.command().code));
                    return new Written(good.size(), 0, 0);
                }
            };
        }
    }

    private static List<TabularRow> file(String header, String... lines) {
        List<TabularRow> rows = new ArrayList<>();
        String[] names = header.split(",", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] values = lines[i].split(",", -1);
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < names.length; c++) {
                cells.put(names[c], c < values.length ? values[c] : null);
            }
            rows.add(new TabularRow(i + 2, cells));
        }
        return rows;
    }

    private final Things things = new Things();
    private final TabularImport importer = new TabularImport(VALIDATOR, KEYS);

    @Test
    void every_bad_row_is_reported_and_without_partial_nothing_is_written() {
        ImportResult result = importer.run(things, file("code,name", "A,a", "B,", "TAKEN,t", "C,c"), false);

        assertThat(result.imported()).isZero();
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.errors())
                .extracting(RowError::row, RowError::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "name"), org.assertj.core.groups.Tuple.tuple(4, "code"));
        assertThat(things.written).isEmpty();
    }

    @Test
    void with_partial_only_the_good_rows_are_written() {
        ImportResult result = importer.run(things, file("code,name", "A,a", "B,", "C,c"), true);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(things.written).containsExactly("A", "C");
    }

    @Test
    void a_key_twice_in_the_file_rejects_every_row_that_carries_it() {
        ImportResult result = importer.run(things, file("code,name", "A,a", "B,b", "A,again"), true);

        assertThat(result.errors()).extracting(RowError::row).containsExactly(2, 4);
        assertThat(result.errors()).extracting(RowError::field).containsOnly("code");
        assertThat(things.written).containsExactly("B");
    }

    @Test
    void headers_match_ignoring_case_and_blank_rows_are_skipped_keeping_file_row_numbers() {
        ImportResult result = importer.run(things, file("Code,NAME", "A,a", ",", "B,"), false);

        assertThat(result.errors()).extracting(RowError::row).containsExactly(4);
    }

    @Test
    void a_column_the_entity_does_not_have_or_a_missing_required_one_refuses_the_whole_file() {
        assertThatThrownBy(() -> importer.run(things, file("code,name,colour", "A,a,red"), true))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).errors().get(0).field())
                        .isEqualTo("file"));
        assertThatThrownBy(() -> importer.run(things, file("code,note", "A,n"), true))
                .isInstanceOf(InvalidInputException.class);
        assertThat(things.written).isEmpty();
    }
}
