package org.openvmi.procurement;

import java.util.List;

/**
 * The result of a bulk action for one document: the requisition (null when none was made), its supplier(s) and
 * warehouse, its status after the action, the POs made from it, the suggestions it came from; {@code ok} false with
 * the refusal's {@code message} when this document was refused (the others are done all the same).
 */
public record RequisitionOutcome(
        Long requisition,
        String number,
        List<String> suppliers,
        String warehouse,
        String status,
        List<Long> purchaseOrders,
        List<Long> suggestions,
        boolean ok,
        String message)
        implements java.io.Serializable { // shown after a redirect: a flash attribute, kept in the JDBC session

    static RequisitionOutcome of(RequisitionView r) {
        return new RequisitionOutcome(
                r.id(),
                r.number(),
                r.suppliers(),
                r.warehouse(),
                r.status(),
                r.purchaseOrders(),
                r.lines().stream()
                        .map(RequisitionView.Line::suggestion)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                true,
                null);
    }

    static RequisitionOutcome refused(RequisitionView r, String message) {
        RequisitionOutcome o = of(r);
        return new RequisitionOutcome(
                o.requisition(),
                o.number(),
                o.suppliers(),
                o.warehouse(),
                o.status(),
                o.purchaseOrders(),
                o.suggestions(),
                false,
                message);
    }

    /** Suggestions no requisition was made for, and why. */
    public static RequisitionOutcome refusedSuggestions(List<Long> suggestions, String message) {
        return refused(null, suggestions, message);
    }

    static RequisitionOutcome refused(Long requisition, List<Long> suggestions, String message) {
        return new RequisitionOutcome(
                requisition,
                requisition == null ? null : "PR-" + requisition,
                List.of(),
                null,
                null,
                List.of(),
                suggestions,
                false,
                message);
    }
}
