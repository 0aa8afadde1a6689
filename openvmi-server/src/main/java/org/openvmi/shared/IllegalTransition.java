package org.openvmi.shared;

import java.util.Set;

/**
 * A document was asked to move from its status to one that status does not allow (confirming an order twice,
 * receiving a shipment notice already received). Every document refuses the same way: 409, field {@code status},
 * {@code errors[].code} {@value #CODE}; the text names the document, its number, both statuses and the statuses the
 * move is allowed from. Pages show it translated, document and statuses by their labels.
 */
public class IllegalTransition extends ConflictException {

    public static final String CODE = "illegalTransition";

    private final String document;
    private final String from;
    private final String to;

    public <S extends Enum<S>> IllegalTransition(
            String document, Object number, S from, S to, Set<String> allowedFrom) {
        super(
                "status",
                CodedRefusal.of(
                        CODE,
                        text(document, number, from, to, allowedFrom),
                        new CodedRefusal.Label("transition.document." + document, words(document)),
                        String.valueOf(number),
                        new CodedRefusal.Label(
                                "enum." + from.getDeclaringClass().getSimpleName() + "." + from.name(), from.name()),
                        new CodedRefusal.Label(
                                "enum." + to.getDeclaringClass().getSimpleName() + "." + to.name(), to.name())));
        this.document = document;
        this.from = from.name();
        this.to = to.name();
    }

    private static String text(String document, Object number, Enum<?> from, Enum<?> to, Set<String> allowedFrom) {
        String what = words(document);
        return what + " " + number + " is " + from.name() + " and cannot become " + to.name()
                + (allowedFrom.isEmpty()
                        ? ""
                        : ": only a " + what.toLowerCase() + " that is " + String.join(" or ", allowedFrom) + " can");
    }

    /** {@code PurchaseOrder} → "Purchase order". */
    static String words(String document) {
        String spaced = document.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    public String document() {
        return document;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
