package org.openvmi.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.planning.internal.PlanningFactsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the planning KPIs are computed from (docs/kpis.md): the forecasts the planning runs stored against the demand
 * that came, and the suggestions raised and decided. Read-only; the caller (analytics) decides who may read them.
 */
@Service
public class PlanningFacts {

    /**
     * The first bucket of one stored forecast (the latest run's, when several runs forecast the same bucket of the same
     * item and warehouse) and the demand of the history in those days. {@code days} is the bucket length.
     */
    public record ForecastBucket(
            String item,
            String warehouse,
            long runId,
            LocalDate start,
            int days,
            BigDecimal forecast,
            BigDecimal actual) {}

    /** How many suggestions of an item at a warehouse raised in a period have a status now. */
    public record SuggestionCount(String item, String warehouse, String status, long count) {}

    private final PlanningFactsRepository repository;

    PlanningFacts(PlanningFactsRepository repository) {
        this.repository = repository;
    }

    /**
     * Forecast buckets that started on or after {@code from} and ended on or before {@code to}; a null warehouse:
     * every warehouse. The actual demand is planning's demand history (sales imports and the ledger's issues,
     * aggregated nightly and before every run).
     */
    @Transactional(readOnly = true)
    public List<ForecastBucket> firstBuckets(String warehouse, LocalDate from, LocalDate to) {
        return repository.firstBuckets(warehouse, from, to);
    }

    /** Suggestions created from {@code from} through {@code to}, counted by item, warehouse and current status. */
    @Transactional(readOnly = true)
    public List<SuggestionCount> suggestions(String warehouse, LocalDate from, LocalDate to, java.time.ZoneId zone) {
        return repository.suggestions(
                warehouse,
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Suggestions waiting for a decision now. */
    @Transactional(readOnly = true)
    public long openSuggestions(String warehouse) {
        return repository.openSuggestions(warehouse);
    }
}
