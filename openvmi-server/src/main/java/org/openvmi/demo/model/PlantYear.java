package org.openvmi.demo.model;

import java.util.ArrayList;
import java.util.List;
import org.openvmi.demo.model.DemoCatalog.ItemSpec;

/**
 * A year of one demo item at every warehouse, simulated in plain Java before anything is posted: daily demand, what
 * was issued (own stock) or consumed (VMI stock, once a week), the weekly deliveries that bring the stock back to its
 * target, and a few transfers between warehouses. The target sits between the reorder point and the order-up-to level
 * the planner will compute from the same history (lead time + half a week of demand + safety stock), so that after
 * the first planning run nearly every item × warehouse is within its lines; only deliveries left out on purpose
 * ({@link Pair#lastDeliveryMissing}) leave stock really low.
 *
 * <p>Day 0 is a year ago, day {@link #DAYS}−1 yesterday. Deliveries come every seventh day counted back from
 * yesterday; on a delivery day the day's demand goes first, then the delivery.
 */
public final class PlantYear {

    public static final int DAYS = 365;
    public static final int WEEK = 7;
    public static final int LAST = DAYS - 1;
    /** Safety factor of a 95 % cycle service level, the planner's default target. */
    private static final double Z = 1.645;

    private PlantYear() {}

    /** One item at one warehouse. Quantities per day are whole units. */
    public static final class Pair {
        public final ItemSpec item;
        public final int warehouse;
        public final boolean vmi;
        public final int leadDays;
        public final long[] demand;
        /** Issued (own) or consumed (VMI) per day: the demand that was served. */
        public final long[] served = new long[DAYS];
        /** Delivered per day (day 0: the opening delivery). */
        public final long[] delivered = new long[DAYS];
        /** Transferred out (positive) or in (negative) per day, shipped and received the same day. */
        public final long[] transferred = new long[DAYS];

        public double dailyMean;
        public long target;
        /** The target from {@code switchDay} of {@link #play} on (the middle of the planner's lines), or −1. */
        public long finalTarget = -1;

        public boolean lastDeliveryMissing;
        public long onHand;

        public Pair(ItemSpec item, int warehouse, boolean vmi, int leadDays, long[] demand) {
            this.item = item;
            this.warehouse = warehouse;
            this.vmi = vmi;
            this.leadDays = leadDays;
            this.demand = demand;
        }

        /** Expected demand of the next week, at least one unit when there was any demand (what the next order asks for). */
        public long nextWeek() {
            return Math.max(dailyMean > 0 ? 1 : 0, Math.round(dailyMean * WEEK));
        }
    }

    /** A transfer between two warehouses of one item, planned for {@code day}. */
    public record Transfer(ItemSpec item, int from, int to, int day, long qty, boolean inTransit) {}

    public static boolean isDeliveryDay(int day) {
        return (LAST - day) % WEEK == 0;
    }

    /**
     * Sets each pair's target and plays the year (again: playing twice with the same input gives the same days).
     * {@code transfers} are planned moves; each is sized here to what the source can spare (at most its planned
     * quantity) and dropped when it can spare nothing. Deliveries from {@code switchDay} on fill up to the pair's
     * {@link Pair#finalTarget} when it has one.
     */
    public static List<Transfer> play(List<Pair> pairsOfOneItem, List<Transfer> transfers, int switchDay) {
        for (Pair p : pairsOfOneItem) {
            p.target = target(p);
            java.util.Arrays.fill(p.served, 0);
            java.util.Arrays.fill(p.delivered, 0);
            java.util.Arrays.fill(p.transferred, 0);
        }
        List<Transfer> done = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (Pair p : pairsOfOneItem) {
                if (day == 0) {
                    p.delivered[0] = p.target + p.nextWeek();
                    p.onHand = p.delivered[0];
                }
                long demand = p.vmi ? weekDemandDue(p, day) : p.demand[day];
                long served = Math.min(demand, p.onHand);
                p.served[day] = served;
                p.onHand -= served;
            }
            for (Transfer t : transfers) {
                if (t.day() != day) {
                    continue;
                }
                Pair from = pairsOfOneItem.get(t.from());
                Pair to = pairsOfOneItem.get(t.to());
                long qty = Math.min(t.qty(), from.onHand - 1);
                if (qty <= 0 || from.vmi || to.vmi) {
                    continue;
                }
                from.onHand -= qty;
                from.transferred[day] += qty;
                if (!t.inTransit()) {
                    to.onHand += qty;
                    to.transferred[day] -= qty;
                }
                done.add(new Transfer(t.item(), t.from(), t.to(), day, qty, t.inTransit()));
            }
            if (day > 0 && isDeliveryDay(day)) {
                for (Pair p : pairsOfOneItem) {
                    boolean missing = day == LAST && p.lastDeliveryMissing;
                    long target = day >= switchDay && p.finalTarget >= 0 ? p.finalTarget : p.target;
                    long need = target - p.onHand;
                    if (need > 0 && !missing) {
                        p.delivered[day] = need;
                        p.onHand += need;
                    }
                }
            }
        }
        return done;
    }

    /** VMI stock is consumed once a week, on the delivery day: the demand of the seven days up to it. */
    private static long weekDemandDue(Pair p, int day) {
        if (day != 0 && !isDeliveryDay(day)) {
            return 0;
        }
        long sum = 0;
        for (int d = Math.max(0, day - WEEK + 1); d <= day; d++) {
            sum += p.demand[d];
        }
        return sum;
    }

    /**
     * Lead time + half a week of the recent mean demand, plus safety stock over lead time + one week of review: the
     * middle of the band between the planner's reorder point and its order-up-to level.
     */
    static long target(Pair p) {
        double recent = mean(p.demand, DAYS - 4 * WEEK, DAYS);
        double year = mean(p.demand, 0, DAYS);
        boolean sparse = countPositive(p.demand) < DAYS / 3;
        p.dailyMean = sparse ? year : recent;
        double weekly = p.dailyMean * WEEK;
        double[] weeks = weeklySums(p.demand);
        // the planner's safety stock follows its forecast error, not the season or trend it forecasts: the spread of
        // week-to-week changes (÷ √2) estimates that noise; lumpy demand keeps its whole spread
        double sdWeekly = sparse ? sd(weeks) : changeSd(weeks);
        double leadWeeks = p.leadDays / (double) WEEK;
        double safety = Z * sdWeekly * Math.sqrt(leadWeeks + 1);
        return Math.round(Math.ceil(weekly * (leadWeeks + 0.5) + safety));
    }

    /** The 52 whole weeks ending yesterday. */
    private static double[] weeklySums(long[] daily) {
        int weeks = DAYS / WEEK;
        double[] sums = new double[weeks];
        for (int w = 0; w < weeks; w++) {
            for (int d = 0; d < WEEK; d++) {
                sums[w] += daily[DAYS - (weeks - w) * WEEK + d];
            }
        }
        return sums;
    }

    private static double changeSd(double[] xs) {
        double sq = 0;
        for (int i = 1; i < xs.length; i++) {
            sq += (xs[i] - xs[i - 1]) * (xs[i] - xs[i - 1]);
        }
        return Math.sqrt(sq / (xs.length - 1) / 2);
    }

    private static double mean(long[] xs, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += xs[i];
        }
        return sum / (to - from);
    }

    private static int countPositive(long[] xs) {
        int n = 0;
        for (long x : xs) {
            if (x > 0) {
                n++;
            }
        }
        return n;
    }

    private static double sd(double[] sums) {
        double m = 0;
        for (double s : sums) {
            m += s;
        }
        m /= sums.length;
        double v = 0;
        for (double s : sums) {
            v += (s - m) * (s - m);
        }
        return Math.sqrt(v / (sums.length - 1));
    }
}
