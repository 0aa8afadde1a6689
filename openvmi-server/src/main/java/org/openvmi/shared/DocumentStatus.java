package org.openvmi.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The status of a document (purchase order, requisition, statement, transfer, count, shipment notice) as a state
 * machine: each status names the statuses it may move to, and a service asks it instead of comparing strings. A move
 * that is not allowed is refused with {@link IllegalTransition} — the same 409 problem for every document.
 * Plain Java, so the features' {@code model} packages can implement it.
 *
 * @param <S> the enum itself
 */
public interface DocumentStatus<S extends Enum<S> & DocumentStatus<S>> {

    /** The statuses this one may move to; empty for a final status. */
    Set<S> next();

    /**
     * What the document is called, as a key of {@code transition.document.<name>} in the bundles and, split at its
     * capitals, in the English text: {@code PurchaseOrder} → "Purchase order".
     */
    String document();

    /** Nothing follows: the document's life is over (closed, cancelled, received, posted). */
    default boolean isFinal() {
        return next().isEmpty();
    }

    default boolean canMoveTo(S to) {
        return next().contains(to);
    }

    /** {@code to} when this status may move there, else the refusal naming document {@code number}, both statuses. */
    @SuppressWarnings("unchecked")
    default S moveTo(S to, Object number) {
        refusal(to, number).ifPresent(refusal -> {
            throw refusal;
        });
        return to;
    }

    /** The refusal of a move to {@code to}, or empty when it is allowed: for callers that report rather than throw. */
    @SuppressWarnings("unchecked")
    default Optional<IllegalTransition> refusal(S to, Object number) {
        return canMoveTo(to)
                ? Optional.empty()
                : Optional.of(new IllegalTransition(document(), number, (S) this, to, from(to)));
    }

    /**
     * The refusal of a move to {@code to} that only {@code from} allow: for an action narrower than the graph (a
     * supplier answers only a SENT order although CONFIRMED is also reached by the buyer accepting a proposal).
     */
    @SuppressWarnings("unchecked")
    default IllegalTransition refusal(S to, Object number, Set<S> from) {
        Set<String> names = new TreeSet<>();
        from.forEach(s -> names.add(s.name()));
        return new IllegalTransition(document(), number, (S) this, to, names);
    }

    /** The statuses from which {@code to} can be reached, by name, sorted (for the refusal's text). */
    private Set<String> from(S to) {
        Set<String> from = new TreeSet<>();
        Arrays.stream(to.getDeclaringClass().getEnumConstants())
                .filter(s -> s.canMoveTo(to))
                .forEach(s -> from.add(s.name()));
        return from;
    }
}
