package org.openvmi.inbound;

import java.util.List;

/** The answer to a batch: one result per document, in the order sent, and the counts of each outcome. */
public record InboundResult(int posted, int duplicates, int rejected, List<DocumentResult> documents) {

    static InboundResult of(List<DocumentResult> documents) {
        return new InboundResult(
                count(documents, InboundStatus.POSTED),
                count(documents, InboundStatus.DUPLICATE),
                count(documents, InboundStatus.REJECTED),
                documents);
    }

    private static int count(List<DocumentResult> documents, InboundStatus status) {
        return (int) documents.stream().filter(d -> d.status() == status).count();
    }
}
