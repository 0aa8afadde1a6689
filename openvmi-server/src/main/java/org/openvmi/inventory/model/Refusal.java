package org.openvmi.inventory.model;

/**
 * Why a stock document refused a change, so the API and UI can say it: a conflict with the document's current state
 * (409, e.g. shipping a transfer that is already shipped) or a business rule (422, e.g. receiving more than shipped).
 * The field names the part of the request the reason is about, or is null.
 */
public record Refusal(Kind kind, String field, String reason) {

    public enum Kind {
        CONFLICT,
        RULE
    }

    public static Refusal conflict(String field, String reason) {
        return new Refusal(Kind.CONFLICT, field, reason);
    }

    public static Refusal rule(String field, String reason) {
        return new Refusal(Kind.RULE, field, reason);
    }
}
