package org.openvmi.procurement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.openvmi.shared.CodedRefusal;

/**
 * The result of a bulk action for one document: the requisition (null when none was made), its supplier(s) and
 * warehouse, its status after the action, the POs made from it, the suggestions it came from; {@code ok} false with
 * the refusal's {@code message} when this document was refused (the others are done all the same). {@code code} is the
 * refusal's stable code where it has one (as {@code errors[].code} of a refused request), what pages show it by in
 * their language with its {@code args} (ADR 0084); the English {@code message} stays what the API answered.
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
        String message,
        String code,
        @JsonIgnore List<Object> args)
        implements java.io.Serializable { // shown after a redirect: a flash attribute, kept in the JDBC session

    public RequisitionOutcome {
        // serializable for the flash: strings and labels; an idempotent replay read back from JSON has none
        args = args == null ? null : List.copyOf(args);
    }

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
                null,
                null,
                null);
    }

    static RequisitionOutcome refused(RequisitionView r, String message) {
        return refused(r, CodedRefusal.of(null, message));
    }

    static RequisitionOutcome refused(RequisitionView r, RuntimeException e) {
        CodedRefusal coded = CodedRefusal.of(e);
        return refused(r, coded != null ? coded : CodedRefusal.of(null, e.getMessage()));
    }

    static RequisitionOutcome refused(RequisitionView r, CodedRefusal refusal) {
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
                refusal.message(),
                refusal.code(),
                strings(refusal.args()));
    }

    /** Suggestions no requisition was made for, and why. */
    public static RequisitionOutcome refusedSuggestions(List<Long> suggestions, String message) {
        return refused(null, suggestions, CodedRefusal.of(null, message));
    }

    /** Suggestions no requisition was made for, and the refusal (with its code where it has one). */
    public static RequisitionOutcome refusedSuggestions(List<Long> suggestions, RuntimeException e) {
        CodedRefusal coded = CodedRefusal.of(e);
        return refused(null, suggestions, coded != null ? coded : CodedRefusal.of(null, e.getMessage()));
    }

    static RequisitionOutcome refused(Long requisition, List<Long> suggestions, CodedRefusal refusal) {
        return new RequisitionOutcome(
                requisition,
                requisition == null ? null : "PR-" + requisition,
                List.of(),
                null,
                null,
                List.of(),
                suggestions,
                false,
                refusal.message(),
                refusal.code(),
                strings(refusal.args()));
    }

    /** Labels and amounts stay so (a page says them in its language); anything else as its text. */
    private static List<Object> strings(List<Object> args) {
        return args == null
                ? null
                : args.stream()
                        .map(a -> a instanceof CodedRefusal.Label || a instanceof CodedRefusal.Amount
                                ? a
                                : (Object) String.valueOf(a))
                        .toList();
    }
}
