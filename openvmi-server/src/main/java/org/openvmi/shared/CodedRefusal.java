package org.openvmi.shared;

import java.util.Arrays;
import java.util.List;

/**
 * A refusal of the domain with a stable {@code code} besides its English text: the REST API returns the code in
 * {@code errors[].code} and a page translates it ({@code domain.<code>} in the bundles, with {@code args}) instead of
 * reading the English text back. The text stays what the API always said.
 */
public record CodedRefusal(String code, String message, List<Object> args) {

    public static final String REQUIRED = "required";
    public static final String NOT_NEGATIVE = "notNegative";
    public static final String POSITIVE = "positive";
    public static final String DUPLICATE = "duplicate";
    public static final String STALE = "stale";
    /** A number outside its range: {@code domain.between} with the bounds. */
    public static final String BETWEEN = "between";
    /** A SUPPLIER user with another role besides. */
    public static final String SUPPLIER_ROLES = "supplierRoles";
    /** The record an edit was made from was deleted meanwhile: {@code domain.gone} with what it was. */
    public static final String GONE = "gone";
    /** Followed by the kind of record: {@code unknown.item}, {@code unknown.warehouse}, … */
    public static final String UNKNOWN = "unknown.";

    public CodedRefusal {
        args = List.copyOf(args);
    }

    /**
     * An argument a page shows by its label (message {@code key}, e.g. {@code enum.PurchaseOrderStatus.SENT}) rather
     * than as a code; {@code fallback} where no label exists. {@link Object#toString()} is the fallback.
     */
    public record Label(String key, String fallback) implements java.io.Serializable {
        @Override
        public String toString() {
            return fallback;
        }
    }

    /**
     * A money argument: a page shows it as its other money ({@code ¥1,200.00}, the page's separators); {@link
     * Object#toString()} is the API's text ({@code 1200 CNY}, {@link Money#toString()}).
     */
    public record Amount(java.math.BigDecimal amount, String currency) implements java.io.Serializable {
        public static Amount of(Money money) {
            return new Amount(money.amount(), money.currency());
        }

        @Override
        public String toString() {
            return new Money(amount, currency).toString();
        }
    }

    /**
     * The coded refusal an exception carries ({@link BusinessRuleException}, {@link ConflictException}, an {@link
     * InvalidInputException} of one coded problem), or null.
     */
    public static CodedRefusal of(Throwable e) {
        if (e instanceof BusinessRuleException b) {
            return b.refusal();
        }
        if (e instanceof ConflictException c) {
            return c.refusal();
        }
        if (e instanceof InvalidInputException i
                && i.errors().size() == 1
                && i.errors().get(0).code() != null) {
            FieldErrors.FieldError fe = i.errors().get(0);
            return new CodedRefusal(fe.code(), fe.message(), fe.args());
        }
        return null;
    }

    /** A refusal with its own wording; {@code args} fill the placeholders of {@code domain.<code>}. */
    public static CodedRefusal of(String code, String message, Object... args) {
        return new CodedRefusal(code, message, Arrays.asList(args));
    }

    public static CodedRefusal required() {
        return of(REQUIRED, "is required");
    }

    public static CodedRefusal notNegative() {
        return of(NOT_NEGATIVE, "must not be negative");
    }

    public static CodedRefusal positive() {
        return of(POSITIVE, "must be greater than zero");
    }

    /** "unknown item 'X'": {@code kind} is item, warehouse, location or supplier. */
    public static CodedRefusal unknown(String kind, Object value) {
        return of(UNKNOWN + kind, "unknown " + kind + " '" + value + "'", String.valueOf(value));
    }

    /** "An item with code 'X' already exists" ({@code what} is "An item", "Warehouse", …). */
    public static CodedRefusal duplicate(String what, String code) {
        return of(DUPLICATE, what + " with code '" + code + "' already exists", code);
    }

    /** "must be between 1 and 1000". */
    public static CodedRefusal between(long min, long max) {
        return between(min, max, "must be between " + min + " and " + max);
    }

    /** A range refusal whose English text says more ("… days", "… for a CUSTOM cycle"); the bounds are its args. */
    public static CodedRefusal between(long min, long max, String message) {
        return of(BETWEEN, message, String.valueOf(min), String.valueOf(max));
    }

    /** Another user saved the record since it was read: "… was changed by someone else; reload and try again". */
    public static CodedRefusal stale(String message) {
        return of(STALE, message);
    }
}
