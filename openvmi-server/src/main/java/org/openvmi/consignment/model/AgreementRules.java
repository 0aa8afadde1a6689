package org.openvmi.consignment.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;

/** Field rules of an agreement and its lines; each refusal names its field. */
public final class AgreementRules {

    private AgreementRules() {}

    public static void terms(
            String currency,
            Integer hours,
            Integer settlementDay,
            SettlementCycle cycle,
            LocalDate validFrom,
            LocalDate validTo,
            FieldErrors errors) {
        if (currency == null || !currency.matches("^[A-Z]{3}$")) {
            errors.add("currency", "must be a three-letter currency code such as CNY");
        }
        if (hours == null || hours < 1 || hours > 24 * 90) {
            errors.add("replenishWithinHours", CodedRefusal.between(1, 24 * 90));
        }
        if (cycle == SettlementCycle.CUSTOM && (settlementDay == null || settlementDay < 1 || settlementDay > 28)) {
            errors.add("settlementDay", CodedRefusal.between(1, 28, "must be between 1 and 28 for a CUSTOM cycle"));
        }
        if (validFrom == null) {
            errors.add("validFrom", CodedRefusal.required());
        } else if (validTo != null && validTo.isBefore(validFrom)) {
            errors.add("validTo", "must not be before validFrom");
        }
    }

    public static void line(
            int i,
            BigDecimal min,
            BigDecimal max,
            BigDecimal price,
            BigDecimal safety,
            OwnershipMode mode,
            FieldErrors errors) {
        String f = "lines[" + i + "].";
        if (min == null || min.signum() < 0) {
            errors.add(f + "min", "is required and must not be negative");
        }
        if (max == null || max.signum() <= 0) {
            errors.add(f + "max", "is required and must be greater than zero");
        } else if (min != null && max.compareTo(min) < 0) {
            errors.add(
                    f + "max",
                    "must not be less than min (" + min.stripTrailingZeros().toPlainString() + ")");
        }
        if (price == null || price.signum() < 0) {
            errors.add(f + "price", "is required (on the line or the agreement) and must not be negative");
        }
        if (mode == OwnershipMode.STAGED && (safety == null || safety.signum() < 0)) {
            errors.add(f + "safety", "is required in STAGED mode: below it stock is the buyer's");
        }
        if (safety != null && max != null && safety.compareTo(max) > 0) {
            errors.add(f + "safety", "must not be above max");
        }
    }
}
