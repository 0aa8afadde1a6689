package org.openvmi.procurement;

import java.util.List;

/** The per-document results of a bulk action (each document decided on its own). */
public record BulkOutcome(List<RequisitionOutcome> results) {

    public long done() {
        return results.stream().filter(RequisitionOutcome::ok).count();
    }

    public long refused() {
        return results.size() - done();
    }
}
