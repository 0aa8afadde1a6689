package org.openvmi.inventory.model;

import java.math.BigDecimal;
import java.util.Locale;
import org.openvmi.inventory.MovementType;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;

/**
 * The rules a movement line must follow before it touches the ledger. Plain Java: each method adds the reason for a
 * refusal to the field errors, naming the field as {@code lines[i].field}.
 */
public final class PostingRules {

    /** Quantities are kept with four decimals. */
    public static final int QTY_SCALE = 4;

    private PostingRules() {}

    /** The movement type named by a request line, or null (with the reason) when it is missing or unknown. */
    public static MovementType type(int i, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field(i, "type"), CodedRefusal.required());
            return null;
        }
        try {
            return MovementType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field(i, "type"), "unknown movement type '" + value + "'");
            return null;
        }
    }

    /**
     * The type when people and integrations may post it directly, else null with the reason: transfers, counts,
     * ownership transfers and opening balances are posted by their own documents.
     */
    public static MovementType postedDirectly(int i, MovementType type, FieldErrors errors) {
        if (type != null && !type.postedDirectly()) {
            errors.add(
                    field(i, "type"),
                    type + " is posted by its own document (transfer, count, consignment), " + "not directly");
            return null;
        }
        return type;
    }

    /** The signed quantity the line changes on hand by, or null when the quantity is not acceptable. */
    public static BigDecimal signedQty(int i, MovementType type, BigDecimal qty, FieldErrors errors) {
        if (qty == null) {
            errors.add(field(i, "qty"), CodedRefusal.required());
            return null;
        }
        if (qty.stripTrailingZeros().scale() > QTY_SCALE) {
            errors.add(field(i, "qty"), "at most " + QTY_SCALE + " decimals");
            return null;
        }
        if (type == null) {
            return null;
        }
        if (type.direction() == 0) {
            if (qty.signum() == 0) {
                errors.add(field(i, "qty"), "must not be zero");
                return null;
            }
            return qty;
        }
        if (qty.signum() <= 0) {
            errors.add(field(i, "qty"), "must be greater than zero (the type " + type + " gives the direction)");
            return null;
        }
        return type.direction() > 0 ? qty : qty.negate();
    }

    public static String lot(int i, String lot, boolean lotTracked, FieldErrors errors) {
        String trimmed = lot == null ? "" : lot.trim();
        if (lotTracked && trimmed.isEmpty()) {
            errors.add(field(i, "lot"), "is required: the item is lot-tracked");
        }
        if (trimmed.length() > 64) {
            errors.add(field(i, "lot"), "at most 64 characters");
        }
        return trimmed;
    }

    public static BigDecimal unitCost(int i, MovementType type, BigDecimal unitCost, FieldErrors errors) {
        if (unitCost == null) {
            return null;
        }
        if (type != MovementType.RECEIPT && type != MovementType.OPENING) {
            errors.add(field(i, "unitCost"), "only receipts and opening balances carry a unit cost");
        } else if (unitCost.signum() < 0) {
            errors.add(field(i, "unitCost"), CodedRefusal.notNegative());
        }
        return unitCost;
    }

    public static String field(int i, String name) {
        return "lines[" + i + "]." + name;
    }
}
