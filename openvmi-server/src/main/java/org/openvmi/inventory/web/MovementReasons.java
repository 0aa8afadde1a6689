package org.openvmi.inventory.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvmi.shared.web.EnumLabels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The reason of a movement as a page shows it: what people typed as it is, what the system wrote (an ownership
 * transfer of consignment stock, the legs of a transfer and its written-off difference) in the page's language, e.g.
 * "ownership from S001 (CONSUMPTION)" → "物权自 S001 转入（消耗）", "VMI receipt" → "VMI 收货". The ledger keeps the English
 * text, which works as the reason's code: the API answers it, pages and the export show it through these keys.
 * In a template: {@code ${@movementReasons.label(m.reason())}}.
 */
@Component("movementReasons")
public class MovementReasons {

    private static final Pattern FROM = Pattern.compile("ownership from (\\S+) \\((\\w+)\\)");
    private static final Pattern TO_BUYER = Pattern.compile("ownership to buyer \\((\\w+)\\)");
    private static final Pattern TRANSFER = Pattern.compile("(transfer to|in transit to|transfer from) (\\S+)");
    private static final String DIFFERENCE = "transfer difference";

    /**
     * The fixed reasons features write on the movements they post (consignment receipts and consumption, PO receipts,
     * channel orders, counts, the go-live import), by their message key (ADR 0078).
     */
    private static final java.util.Map<String, String> FIXED = java.util.Map.of(
            "VMI receipt", "movements.reason.vmiReceipt",
            "VMI consumption", "movements.reason.vmiConsumption",
            "PO receipt", "movements.reason.poReceipt",
            "channel order", "movements.reason.channelOrder",
            "cycle count", "movements.reason.cycleCount",
            "opening balance (go-live import)", "movements.reason.openingImport");

    private final MessageSource messages;
    private final EnumLabels labels;

    MovementReasons(MessageSource messages, EnumLabels labels) {
        this.messages = messages;
        this.labels = labels;
    }

    public String label(String reason) {
        if (reason == null) {
            return "";
        }
        Matcher from = FROM.matcher(reason);
        if (from.matches()) {
            return text(
                    "movements.reason.ownershipFrom",
                    reason,
                    from.group(1),
                    labels.label("SettlementKind", from.group(2)));
        }
        Matcher toBuyer = TO_BUYER.matcher(reason);
        if (toBuyer.matches()) {
            return text("movements.reason.ownershipToBuyer", reason, labels.label("SettlementKind", toBuyer.group(1)));
        }
        Matcher transfer = TRANSFER.matcher(reason);
        if (transfer.matches()) {
            String key = switch (transfer.group(1)) {
                case "transfer to" -> "movements.reason.transferTo";
                case "in transit to" -> "movements.reason.inTransitTo";
                default -> "movements.reason.transferFrom";
            };
            return text(key, reason, transfer.group(2));
        }
        if (DIFFERENCE.equals(reason)) {
            return text("movements.reason.transferDifference", reason);
        }
        String fixed = FIXED.get(reason);
        return fixed == null ? reason : text(fixed, reason);
    }

    private String text(String code, String fallback, Object... args) {
        return messages.getMessage(code, args, fallback, LocaleContextHolder.getLocale());
    }
}
