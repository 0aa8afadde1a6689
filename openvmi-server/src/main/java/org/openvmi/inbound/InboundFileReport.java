package org.openvmi.inbound;

import java.util.List;

/**
 * The row report of a dropped file: per data row (its number as a spreadsheet shows it, the header being row 1) the
 * outcome of the document it belongs to and the errors found in that row; the counts are per document.
 */
public record InboundFileReport(int rows, int posted, int duplicates, int rejected, List<Row> report) {

    /** One row's outcome; {@code errors} name the column ({@code qty}) or, for a document's problem, the document. */
    public record Row(int row, String sourceId, InboundStatus status, List<InboundError> errors) {

        public Row {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }
}
