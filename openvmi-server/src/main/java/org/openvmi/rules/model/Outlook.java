package org.openvmi.rules.model;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule knows of a subject beyond its stock and ledger history, read from the owning features' APIs (docs/rules.md):
 * daily demand variability, planning's forecast, the availability timeline ahead, the primary supplier's on-time rate (analytics scorecard) and its reported available stock (supplier module).
 * The other warehouses of the item below their safety line and their total shortfall, and the highest days of cover
 * among them ({@code maxCoverElsewhere}), come from the same read of the subjects. Absent values read as {@link #NONE}'s: 0, an on-time rate of 1 (nothing was due).
 */
public record Outlook(
        BigDecimal demandCv,
        BigDecimal forecast7d,
        BigDecimal forecast30d,
        BigDecimal projectedAvailable7d,
        BigDecimal projectedAvailable30d,
        BigDecimal supplierOnTimeRate,
        BigDecimal supplierAvailable,
        BigDecimal shortfallElsewhere,
        String warehousesBelowSafety,
        Projection projection,
        String abcClass,
        String xyzClass,
        ChannelFigures channels,
        BigDecimal maxCoverElsewhere) {

    /**
     * The item's sales channels by code: the free stock of each channel's pool ({@code available}), what it may sell
     * now ({@code allocated}, its ATP), and the channels paused for the item. Per item: the same at every warehouse.
     */
    public record ChannelFigures(
            java.util.Map<String, Double> available,
            java.util.Map<String, Double> allocated,
            java.util.List<String> paused,
            java.util.List<String> held) {

        public static final ChannelFigures NONE =
                new ChannelFigures(java.util.Map.of(), java.util.Map.of(), java.util.List.of(), java.util.List.of());

        public ChannelFigures {
            available = java.util.Map.copyOf(available);
            allocated = java.util.Map.copyOf(allocated);
            paused = java.util.List.copyOf(paused);
            held = java.util.List.copyOf(held);
        }
    }

    /** Without channel figures. */
    public Outlook(
            BigDecimal demandCv,
            BigDecimal forecast7d,
            BigDecimal forecast30d,
            BigDecimal projectedAvailable7d,
            BigDecimal projectedAvailable30d,
            BigDecimal supplierOnTimeRate,
            BigDecimal supplierAvailable,
            BigDecimal shortfallElsewhere,
            String warehousesBelowSafety,
            Projection projection,
            String abcClass,
            String xyzClass) {
        this(
                demandCv,
                forecast7d,
                forecast30d,
                projectedAvailable7d,
                projectedAvailable30d,
                supplierOnTimeRate,
                supplierAvailable,
                shortfallElsewhere,
                warehousesBelowSafety,
                projection,
                abcClass,
                xyzClass,
                null,
                null);
    }

    public static final Outlook NONE = new Outlook(null, null, null, null, null, null, null, null, null);

    /**
     * The availability timeline ahead as steps: from {@code base} (today's projected available), after day offset
     * {@code days[i]} the projected available is {@code values[i]} (offsets ascending, late lines at 0).
     */
    public record Projection(double base, int[] days, double[] values) {

        public static final Projection NONE = new Projection(0, new int[0], new double[0]);

        /** The projected available after every step dated up to today + {@code horizon} days. */
        public double at(long horizon) {
            double v = base;
            for (int i = 0; i < days.length && days[i] <= horizon; i++) {
                v = values[i];
            }
            return v;
        }
    }

    /** Without a timeline ({@code projectedAvailable(days)} reads 0). */
    public Outlook(
            BigDecimal demandCv,
            BigDecimal forecast7d,
            BigDecimal forecast30d,
            BigDecimal projectedAvailable7d,
            BigDecimal projectedAvailable30d,
            BigDecimal supplierOnTimeRate,
            BigDecimal supplierAvailable,
            BigDecimal shortfallElsewhere,
            String warehousesBelowSafety) {
        this(
                demandCv,
                forecast7d,
                forecast30d,
                projectedAvailable7d,
                projectedAvailable30d,
                supplierOnTimeRate,
                supplierAvailable,
                shortfallElsewhere,
                warehousesBelowSafety,
                null,
                null,
                null);
    }

    /** The variables each read costs a call to another feature for (the rest are read with the subjects). */
    public static final Set<String> FORECAST = Set.of("forecast7d", "forecast30d");

    public static final Set<String> ON_TIME = Set.of("supplierOnTimeRate");
    public static final Set<String> SUPPLIER_STOCK = Set.of("supplierAvailable");
    public static final Set<String> CLASSES = Set.of("abcClass", "xyzClass");
    /** Also read for every rule with a channel action (it skips what is so already). */
    public static final Set<String> CHANNELS = Set.of("channelAvailable", "channelAllocated", "pausedChannels");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Outlook {
        demandCv = orZero(demandCv);
        forecast7d = orZero(forecast7d);
        forecast30d = orZero(forecast30d);
        projectedAvailable7d = orZero(projectedAvailable7d);
        projectedAvailable30d = orZero(projectedAvailable30d);
        supplierOnTimeRate = supplierOnTimeRate == null ? BigDecimal.ONE : supplierOnTimeRate;
        supplierAvailable = orZero(supplierAvailable);
        shortfallElsewhere = orZero(shortfallElsewhere);
        warehousesBelowSafety = warehousesBelowSafety == null ? "" : warehousesBelowSafety;
        projection = projection == null ? Projection.NONE : projection;
        abcClass = abcClass == null ? "" : abcClass;
        xyzClass = xyzClass == null ? "" : xyzClass;
        channels = channels == null ? ChannelFigures.NONE : channels;
        maxCoverElsewhere = orZero(maxCoverElsewhere);
    }

    /** The same outlook with the highest days of cover among the item's other warehouses. */
    public Outlook withMaxCoverElsewhere(BigDecimal cover) {
        return new Outlook(
                demandCv,
                forecast7d,
                forecast30d,
                projectedAvailable7d,
                projectedAvailable30d,
                supplierOnTimeRate,
                supplierAvailable,
                shortfallElsewhere,
                warehousesBelowSafety,
                projection,
                abcClass,
                xyzClass,
                channels,
                cover);
    }

    public Outlook withDemandCv(BigDecimal cv) {
        return new Outlook(
                cv,
                forecast7d,
                forecast30d,
                projectedAvailable7d,
                projectedAvailable30d,
                supplierOnTimeRate,
                supplierAvailable,
                shortfallElsewhere,
                warehousesBelowSafety,
                projection,
                abcClass,
                xyzClass,
                channels,
                maxCoverElsewhere);
    }

    public Outlook withElsewhere(BigDecimal shortfall, String warehouses) {
        return new Outlook(
                demandCv,
                forecast7d,
                forecast30d,
                projectedAvailable7d,
                projectedAvailable30d,
                supplierOnTimeRate,
                supplierAvailable,
                shortfall,
                warehouses,
                projection,
                abcClass,
                xyzClass,
                channels,
                maxCoverElsewhere);
    }

    /** The same outlook with the timeline ahead. */
    public Outlook withProjection(Projection p) {
        return new Outlook(
                demandCv,
                forecast7d,
                forecast30d,
                projectedAvailable7d,
                projectedAvailable30d,
                supplierOnTimeRate,
                supplierAvailable,
                shortfallElsewhere,
                warehousesBelowSafety,
                p,
                abcClass,
                xyzClass,
                channels,
                maxCoverElsewhere);
    }

    /** The same outlook with the item's channel figures. */
    public Outlook withChannels(ChannelFigures c) {
        return new Outlook(
                demandCv,
                forecast7d,
                forecast30d,
                projectedAvailable7d,
                projectedAvailable30d,
                supplierOnTimeRate,
                supplierAvailable,
                shortfallElsewhere,
                warehousesBelowSafety,
                projection,
                abcClass,
                xyzClass,
                c,
                maxCoverElsewhere);
    }

    private static BigDecimal orZero(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    /** The names the rules' texts (condition, quantities, messages) mention: which reads a run needs. */
    public static Set<String> mentioned(Collection<RuleDefinition> rules) {
        Set<String> names = new HashSet<>();
        for (RuleDefinition r : rules) {
            scan(r.condition(), names);
            for (Action a : r.actions()) {
                if (a != null) {
                    if (a.type() != null && a.type().onChannel()) {
                        names.addAll(CHANNELS);
                    }
                    scan(a.quantity(), names);
                    scan(a.messageEn(), names);
                    scan(a.messageZh(), names);
                }
            }
        }
        return names;
    }

    private static void scan(String text, Set<String> names) {
        if (text == null) {
            return;
        }
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
    }

    public static boolean needs(Set<String> mentioned, Set<String> group) {
        return mentioned == null || group.stream().anyMatch(mentioned::contains);
    }
}
