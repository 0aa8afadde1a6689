package org.openvmi.procurement.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which supplier a suggested purchase goes to: the supplier planning suggested, unless it left the item's source list
 * or reported less available stock than the quantity while another source reported enough (cheapest, then fastest).
 * A change carries its reason, so the buyer sees it before confirming (issue 21: ELE-0195, S003 → S007).
 */
public final class SuggestedSource {

    /** The chosen source, the suggested one (null when it left the source list) and why they differ (null: same). */
    public record Choice(SourceOption source, SourceOption suggested, String change) {}

    private SuggestedSource() {}

    public static Optional<Choice> choose(List<SourceOption> sources, String suggestedSupplier, BigDecimal qty) {
        SourceOption suggested = sources.stream()
                .filter(s -> s.supplier().equals(suggestedSupplier))
                .findFirst()
                .orElse(null);
        if (suggested == null) {
            return SupplierChoice.choose(sources, qty)
                    .map(c -> new Choice(
                            c.source(), null, suggestedSupplier + " is no longer on the source list: " + c.reason()));
        }
        if (!short_(suggested, qty)) {
            return Optional.of(new Choice(suggested, suggested, null));
        }
        return sources.stream()
                .filter(s -> s != suggested && !short_(s, qty))
                .min(Comparator.comparing(SourceOption::price).thenComparingInt(SourceOption::leadTimeDays))
                .map(s -> new Choice(
                        s,
                        suggested,
                        suggested.supplier() + " reported only "
                                + suggested.available().stripTrailingZeros().toPlainString() + " available"))
                .or(() -> Optional.of(new Choice(suggested, suggested, null)));
    }

    private static boolean short_(SourceOption s, BigDecimal qty) {
        return s.available() != null && s.available().compareTo(qty) < 0;
    }
}
