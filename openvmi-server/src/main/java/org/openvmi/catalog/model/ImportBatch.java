package org.openvmi.catalog.model;

import java.util.List;

/** The rows of one import together with what the database already holds for them. */
public interface ImportBatch<C> {

    /** How many rows were created, updated, or left as they were because they did not change. */
    record Written(int created, int updated, int unchanged) {}

    /**
     * Completes a command before validation, e.g. a column the file leaves out keeps the stored value of an
     * existing record. The default leaves the command as read.
     */
    default C complete(C command) {
        return command;
    }

    /** Checks across rows and against the database (a barcode of another item); sees every row, good or bad. */
    void check(List<ImportRow<C>> rows, RowProblems problems);

    /** Creates or updates the given good rows (upsert by key) with batch statements and audits each change. */
    Written write(List<ImportRow<C>> rows);
}
