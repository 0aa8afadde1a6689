package org.openvmi.supplier.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of one reported line beyond field formats, each refusal named by its field and a message key
 * ({@code supplier.error.*}), so the API, the upload report and the form can say why in the caller's language.
 */
public final class ReportRules {

    /** Clocks of supplier systems drift; an as-of time up to this far ahead is taken as now. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    public record Refusal(String field, String messageKey) {}

    private ReportRules() {}

    public static List<Refusal> check(
            BigDecimal inProduction, java.time.LocalDate availableFrom, Instant asOf, Instant now) {
        List<Refusal> refusals = new ArrayList<>();
        if (asOf != null && asOf.isAfter(now.plus(CLOCK_SKEW))) {
            refusals.add(new Refusal("asOf", "supplier.error.asOfInFuture"));
        }
        if (availableFrom != null && (inProduction == null || inProduction.signum() == 0)) {
            refusals.add(new Refusal("availableFrom", "supplier.error.availableFromWithoutProduction"));
        }
        return refusals;
    }
}
