package org.openvmi.planning.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Daily demand of one item at one warehouse folded into weekly buckets (Monday to Sunday), with stockout days
 * treated as missing: a week with some stockout days is scaled up to seven days of demand from its days in stock
 * (demand / in-stock days × 7); a week out of stock on all seven days takes the mean of the weeks with stock. So a
 * period without stock never teaches the forecast that nobody wanted the item.
 */
public final class WeeklySeries {

    private final LocalDate firstMonday;
    private final int weeks;
    private final double[] demand;
    private final int[] stockoutDays;

    public WeeklySeries(LocalDate firstMonday, int weeks) {
        this.firstMonday = firstMonday;
        this.weeks = weeks;
        this.demand = new double[weeks];
        this.stockoutDays = new int[weeks];
    }

    /** Adds one day of history; days outside the window are ignored. */
    public void add(LocalDate day, double qty, boolean stockout) {
        long offset = ChronoUnit.DAYS.between(firstMonday, day);
        if (offset < 0 || offset >= weeks * 7L) {
            return;
        }
        int week = (int) (offset / 7);
        demand[week] += qty;
        if (stockout && qty == 0) {
            stockoutDays[week]++;
        }
    }

    /** The weekly demand with stockout days imputed as described above. */
    public double[] imputed() {
        double[] result = new double[weeks];
        double sum = 0;
        int inStockWeeks = 0;
        for (int w = 0; w < weeks; w++) {
            int inStock = 7 - Math.min(7, stockoutDays[w]);
            if (inStock == 0) {
                result[w] = Double.NaN;
                continue;
            }
            result[w] = demand[w] * 7.0 / inStock;
            sum += result[w];
            inStockWeeks++;
        }
        double mean = inStockWeeks == 0 ? 0 : sum / inStockWeeks;
        for (int w = 0; w < weeks; w++) {
            if (Double.isNaN(result[w])) {
                result[w] = mean;
            }
        }
        return result;
    }

    /** Weeks with at least one stockout day. */
    public int stockoutWeeks() {
        int n = 0;
        for (int d : stockoutDays) {
            if (d > 0) {
                n++;
            }
        }
        return n;
    }

    public LocalDate firstMonday() {
        return firstMonday;
    }
}
