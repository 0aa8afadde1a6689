package org.openvmi.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The latest forecast of one item at one warehouse: weekly buckets ({@code bucketDays} 7) of history (stockout weeks
 * imputed) from {@code historyStart} and of forecast from {@code firstBucket}, with a 5–95 % band (± 1.645 × the
 * one-period error deviation, not below zero); the model chosen, its backtest measure and score, the demand class;
 * lead time (days, deviation, where it came from; null for a supplier user when it is another supplier's) and the
 * three lines planned for the service level.
 */
public record ForecastView(
        String item,
        String itemName,
        String warehouse,
        long runId,
        int bucketDays,
        LocalDate historyStart,
        List<Double> history,
        LocalDate firstBucket,
        List<Double> forecast,
        List<Double> lower,
        List<Double> upper,
        String model,
        String measure,
        Double score,
        String demandClass,
        double meanPerBucket,
        double errorSd,
        Double leadTimeDays,
        Double leadTimeSd,
        String leadTimeSource,
        int stockoutBuckets,
        BigDecimal serviceLevel,
        BigDecimal safety,
        BigDecimal reorderPoint,
        BigDecimal orderUpTo) {}
