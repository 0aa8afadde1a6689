package org.openvmi.analytics.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A supplier's delivery performance in a period (docs/kpis.md). OTIF: of the lines due in the period (not cancelled),
 * the share received in full by their due day. Lead time: days from ordered to the last receipt of the lines completed
 * in the period, mean and population standard deviation, beside the source list's mean. Confirmation: hours from sent
 * to the supplier's first answer, mean over the orders answered in the period (each order once).
 */
public final class Scorecard {

    /** One PO line's facts (the analytics' own copy of the procurement read model). */
    public record Line(
            String po,
            LocalDate orderedOn,
            Instant sentAt,
            Instant answeredAt,
            LocalDate due,
            BigDecimal qty,
            BigDecimal receivedQty,
            LocalDate lastReceivedOn,
            boolean cancelled,
            Integer sourceLeadTimeDays) {

        boolean complete() {
            return receivedQty.compareTo(qty) >= 0 && lastReceivedOn != null;
        }
    }

    public record Figures(
            long dueLines,
            long otifLines,
            BigDecimal otif,
            long completedLines,
            BigDecimal leadTimeMean,
            BigDecimal leadTimeSpread,
            BigDecimal sourceLeadTimeMean,
            long answeredOrders,
            BigDecimal confirmationHoursMean) {}

    private Scorecard() {}

    public static Figures compute(List<Line> lines, Period period, ZoneId zone) {
        long due = 0;
        long otif = 0;
        List<Long> leadTimes = new ArrayList<>();
        List<Integer> sourceLeadTimes = new ArrayList<>();
        List<Double> answerHours = new ArrayList<>();
        java.util.Set<String> answered = new java.util.HashSet<>();
        for (Line l : lines) {
            if (!l.cancelled() && l.due() != null && period.contains(l.due())) {
                due++;
                if (l.complete() && !l.lastReceivedOn().isAfter(l.due())) {
                    otif++;
                }
            }
            if (l.complete() && period.contains(l.lastReceivedOn())) {
                leadTimes.add(ChronoUnit.DAYS.between(l.orderedOn(), l.lastReceivedOn()));
                if (l.sourceLeadTimeDays() != null) {
                    sourceLeadTimes.add(l.sourceLeadTimeDays());
                }
            }
            if (l.answeredAt() != null
                    && period.contains(LocalDate.ofInstant(l.answeredAt(), zone))
                    && answered.add(l.po())) {
                answerHours.add(Duration.between(l.sentAt(), l.answeredAt()).toMinutes() / 60.0);
            }
        }
        double leadMean = mean(leadTimes.stream().mapToDouble(Long::doubleValue).toArray());
        double spread = 0;
        for (long t : leadTimes) {
            spread += (t - leadMean) * (t - leadMean);
        }
        return new Figures(
                due,
                otif,
                Ratios.divide(BigDecimal.valueOf(otif), BigDecimal.valueOf(due), 4),
                leadTimes.size(),
                scaled(leadTimes.isEmpty(), leadMean),
                scaled(leadTimes.isEmpty(), Math.sqrt(spread / Math.max(1, leadTimes.size()))),
                scaled(
                        sourceLeadTimes.isEmpty(),
                        mean(sourceLeadTimes.stream()
                                .mapToDouble(Integer::doubleValue)
                                .toArray())),
                answerHours.size(),
                scaled(
                        answerHours.isEmpty(),
                        mean(answerHours.stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray())));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static BigDecimal scaled(boolean none, double value) {
        return none ? null : BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
