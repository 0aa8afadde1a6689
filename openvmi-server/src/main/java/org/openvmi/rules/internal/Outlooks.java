package org.openvmi.rules.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.analytics.AnalyticsFilter;
import org.openvmi.analytics.AnalyticsQueries;
import org.openvmi.channels.ChannelFigures;
import org.openvmi.channels.Channels;
import org.openvmi.planning.ForecastView;
import org.openvmi.planning.Forecasts;
import org.openvmi.rules.model.Outlook;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.supplier.ItemAvailabilityView;
import org.openvmi.supplier.SupplierAvailability;
import org.openvmi.supplier.SupplierOfferView;
import org.springframework.stereotype.Component;

/**
 * Completes the subjects' {@link Outlook} through the owning features' APIs, one read of each per evaluation and only
 * when a rule mentions what it gives: planning's latest forecasts ({@link Forecasts}), analytics' supplier scorecards ({@link AnalyticsQueries}), the suppliers' reported stock ({@link SupplierAvailability}).
 */
@Component
class Outlooks {

    /** The on-time rate looks back this many days (today included). */
    static final int ON_TIME_DAYS = 90;

    private final Forecasts forecasts;
    private final AnalyticsQueries analytics;
    private final SupplierAvailability supplierStock;
    private final Channels channels;
    private final Clock clock;

    Outlooks(
            Forecasts forecasts,
            AnalyticsQueries analytics,
            SupplierAvailability supplierStock,
            Channels channels,
            Clock clock) {
        this.channels = channels;
        this.forecasts = forecasts;
        this.analytics = analytics;
        this.supplierStock = supplierStock;
        this.clock = clock;
    }

    List<SubjectFacts.Subject> complete(List<SubjectFacts.Subject> subjects, LocalDate today, Set<String> mentioned) {
        if (subjects.isEmpty()) {
            return subjects;
        }
        Map<String, double[]> forecast = Outlook.needs(mentioned, Outlook.FORECAST) ? forecasts() : Map.of();
        Map<String, BigDecimal> onTime = Outlook.needs(mentioned, Outlook.ON_TIME) ? onTime(subjects, today) : Map.of();
        Map<String, BigDecimal> reported =
                Outlook.needs(mentioned, Outlook.SUPPLIER_STOCK) ? reported(subjects) : Map.of();
        Map<String, String[]> classes = Outlook.needs(mentioned, Outlook.CLASSES) ? classes(today) : Map.of();
        Map<Long, Outlook.ChannelFigures> byChannel =
                Outlook.needs(mentioned, Outlook.CHANNELS) ? channels(subjects) : Map.of();
        if (forecast.isEmpty() && onTime.isEmpty() && reported.isEmpty() && classes.isEmpty() && byChannel.isEmpty()) {
            return subjects;
        }
        List<SubjectFacts.Subject> done = new ArrayList<>(subjects.size());
        for (SubjectFacts.Subject s : subjects) {
            var f = s.facts();
            Outlook o = f.outlook();
            double[] fc = forecast.get(f.item() + "\u0000" + f.warehouse());
            String supplier = f.supplier();
            String[] abcXyz = classes.get(f.item());
            done.add(new SubjectFacts.Subject(
                    f.with(new Outlook(
                            o.demandCv(),
                            fc == null ? null : round(fc[0]),
                            fc == null ? null : round(fc[1]),
                            o.projectedAvailable7d(),
                            o.projectedAvailable30d(),
                            supplier == null ? null : onTime.get(supplier),
                            supplier == null ? null : reported.get(f.item() + "\u0000" + supplier),
                            o.shortfallElsewhere(),
                            o.warehousesBelowSafety(),
                            o.projection(),
                            abcXyz == null ? o.abcClass() : abcXyz[0],
                            abcXyz == null ? o.xyzClass() : abcXyz[1],
                            byChannel.getOrDefault(f.itemId(), o.channels()),
                            o.maxCoverElsewhere())),
                    s.suppliers()));
        }
        return done;
    }

    /** Per item id: its sales channels' figures through the channels feature ({@link Channels#figures}). */
    private Map<Long, Outlook.ChannelFigures> channels(List<SubjectFacts.Subject> subjects) {
        Set<Long> items = new java.util.TreeSet<>();
        subjects.forEach(s -> items.add(s.facts().itemId()));
        Map<Long, Outlook.ChannelFigures> answer = new HashMap<>();
        channels.figures(items).forEach((item, list) -> {
            Map<String, Double> available = new HashMap<>();
            Map<String, Double> allocated = new HashMap<>();
            List<String> paused = new ArrayList<>();
            List<String> held = new ArrayList<>();
            for (ChannelFigures c : list) {
                available.put(c.channel(), c.available().doubleValue());
                allocated.put(c.channel(), c.allocated().doubleValue());
                if (c.paused()) {
                    paused.add(c.channel());
                }
                if (c.held()) {
                    held.add(c.channel());
                }
            }
            answer.put(item, new Outlook.ChannelFigures(available, allocated, paused, held));
        });
        return answer;
    }

    /** The ABC × XYZ class of each item (by code) over the last {@value #CLASS_DAYS} days, all warehouses. */
    private Map<String, String[]> classes(LocalDate today) {
        Map<String, String[]> answer = new HashMap<>();
        var report = analytics.abc(AnalyticsFilter.ALL, analytics.period(today.minusDays(CLASS_DAYS - 1L), today));
        for (var c : report.items()) {
            answer.put(c.item(), new String[] {c.abc(), c.xyz()});
        }
        return answer;
    }

    /** ABC × XYZ classes are read over this many days (today included), analytics' default thresholds. */
    static final int CLASS_DAYS = 365;

    /** Per item × warehouse: {next 7 days, next 30 days} of the latest forecast (weekly buckets, the 5th prorated). */
    private Map<String, double[]> forecasts() {
        Map<String, double[]> answer = new HashMap<>();
        int page = 0;
        while (true) {
            PageResult<ForecastView> rows = forecasts.find(null, null, PageRequest.of(page, PageRequest.MAX_SIZE));
            for (ForecastView v : rows.content()) {
                answer.put(v.item() + "\u0000" + v.warehouse(), horizons(v.forecast(), v.bucketDays()));
            }
            if (rows.content().size() < PageRequest.MAX_SIZE) {
                return answer;
            }
            page++;
        }
    }

    /** The forecast summed over the next 7 and 30 days from buckets of {@code bucketDays} (a partial bucket prorated). */
    static double[] horizons(List<Double> buckets, int bucketDays) {
        return new double[] {sum(buckets, bucketDays, 7), sum(buckets, bucketDays, 30)};
    }

    private static double sum(List<Double> buckets, int bucketDays, int days) {
        double total = 0;
        int left = days;
        for (int i = 0; i < buckets.size() && left > 0; i++) {
            double b = buckets.get(i) == null ? 0 : buckets.get(i);
            total += b * Math.min(left, bucketDays) / bucketDays;
            left -= bucketDays;
        }
        return total;
    }

    /** Each primary supplier's on time in full rate (0–1) over the last {@value #ON_TIME_DAYS} days; absent: nothing due. */
    private Map<String, BigDecimal> onTime(List<SubjectFacts.Subject> subjects, LocalDate today) {
        Set<String> suppliers = new LinkedHashSet<>();
        subjects.forEach(s -> {
            if (s.facts().supplier() != null) {
                suppliers.add(s.facts().supplier());
            }
        });
        Map<String, BigDecimal> answer = new HashMap<>();
        var period = analytics.period(today.minusDays(ON_TIME_DAYS - 1L), today);
        for (String supplier : suppliers) {
            var card = analytics.scorecard(supplier, null, period);
            if (card.dueLines() > 0 && card.otif() != null) {
                answer.put(supplier, card.otif());
            }
        }
        return answer;
    }

    /** Per item × supplier: the available stock the supplier last reported, when it is not stale. */
    private Map<String, BigDecimal> reported(List<SubjectFacts.Subject> subjects) {
        Set<String> items = new LinkedHashSet<>();
        subjects.forEach(s -> {
            if (s.facts().supplier() != null) {
                items.add(s.facts().item());
            }
        });
        Map<String, BigDecimal> answer = new HashMap<>();
        List<String> batch = new ArrayList<>();
        for (String item : items) {
            batch.add(item);
            if (batch.size() == SupplierAvailability.MAX_ITEMS) {
                read(batch, answer);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            read(batch, answer);
        }
        return answer;
    }

    private void read(List<String> items, Map<String, BigDecimal> answer) {
        for (ItemAvailabilityView i : supplierStock.whoHasStock(items, null)) {
            for (SupplierOfferView o : i.suppliers()) {
                if (o.available() != null && !o.stale()) {
                    answer.put(i.item() + "\u0000" + o.supplier(), o.available());
                }
            }
        }
    }

    private static BigDecimal round(double d) {
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP);
    }
}
