package org.openvmi.inbound;

import java.time.Instant;
import java.util.List;

/**
 * What became of one document. A posted document names the ledger postings it made ({@code postingIds}, none for a
 * supplier stock report), its line count and when and by whom it was posted; a duplicate answers with exactly these
 * figures of the first posting; a rejected one with {@code errors} ({@code lines[i].field} for a line's field).
 */
public record DocumentResult(
        String sourceId,
        InboundStatus status,
        List<Long> postingIds,
        Integer lines,
        Instant postedAt,
        String postedBy,
        List<InboundError> errors) {

    public DocumentResult {
        postingIds = postingIds == null ? List.of() : List.copyOf(postingIds);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static DocumentResult rejected(String sourceId, List<InboundError> errors) {
        return new DocumentResult(sourceId, InboundStatus.REJECTED, List.of(), null, null, null, errors);
    }

    static DocumentResult refused(String sourceId, List<org.openvmi.shared.FieldErrors.FieldError> errors) {
        return rejected(sourceId, errors.stream().map(InboundError::of).toList());
    }

    DocumentResult as(InboundStatus other) {
        return new DocumentResult(sourceId, other, postingIds, lines, postedAt, postedBy, errors);
    }
}
