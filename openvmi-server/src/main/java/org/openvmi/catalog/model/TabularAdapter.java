package org.openvmi.catalog.model;

import java.util.List;
import java.util.Set;
import org.openvmi.shared.tabular.TabularRow;

/**
 * One kind of master data that can be imported and exported as a table (CSV or XLSX). {@link TabularImport} does
 * the generic work (header check, Bean Validation of the command, a key twice in one file, all-or-nothing or
 * partial); the adapter knows its columns, how a row becomes its command, and its SQL.
 *
 * <p>To add an entity (warehouses, locations, suppliers, supplier-items): write one adapter in
 * {@code catalog/internal} next to the entity's repository, register it in {@code TabularAdapters}, and check that
 * {@code AccessRules} has its {@code /imports/<entity>/**} rule.
 *
 * @param <C> the command class of the entity (the one its API validates), e.g. {@code ItemCommand}
 */
public interface TabularAdapter<C> {

    /** The path segment and file name of the entity: {@code items}, {@code supplier-items}. */
    String entity();

    /** Header names in export order: the camelCase field names of the API. */
    List<String> columns();

    /** Columns a file must have; the others may be left out (see {@link ImportBatch#complete}). */
    Set<String> requiredColumns();

    /** The columns that identify a row (upsert key); the same key twice in one file is an error. */
    List<String> keyColumns();

    /**
     * A row's key as the file's duplicate check compares it ({@link org.openvmi.shared.tabular.DuplicateKeys}): the
     * trimmed cells of {@link #keyColumns()}, a blank one null (such a row is not compared). Override to compare
     * what the row means rather than how it is written (a blank owner is OWN, 2026/12/05 is 2026-12-05).
     */
    default List<String> rowKey(TabularRow row) {
        return keyColumns().stream().map(row::get).toList();
    }

    /** Reads a row's cells into a command; malformed cells are reported to {@code problems} (and read as null). */
    C read(TabularRow row, RowProblems problems);

    /** Loads what the database holds for these rows, in one or a few queries, for the checks and the write. */
    ImportBatch<C> prepare(List<ImportRow<C>> rows, Set<String> columnsInFile);

    /**
     * True for imports that add rather than upsert (opening stock, demand history): the same file (the same bytes) is
     * then applied once, and importing it again answers with the first import's row count, all unchanged.
     */
    default boolean oncePerFile() {
        return false;
    }

    /** The whole list as the caller may see it (its party scope), one list of cells per row in {@link #columns()} order. */
    List<List<Object>> exportRows();
}
