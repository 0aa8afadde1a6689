package org.openvmi.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A planning run: its filters, status (QUEUED, RUNNING, DONE, FAILED), phase (QUEUED, HISTORY, FIT, DONE, FAILED),
 * progress (done of total item-warehouses), and when done its summary: models chosen by count, suggestions by type,
 * stock policies changed, time split (read, fit, write in ms) and duration. A FAILED run has {@code error}, the English
 * text, and {@code errorCode}, what pages show it by: {@code queueFull} (too many runs queued), {@code noHeartbeat}
 * (the instance running it stopped), {@code failed} (an error while running; {@code error} names it) (ADR 0084).
 */
public record RunView(
        long id,
        String status,
        String phase,
        int done,
        int total,
        String warehouse,
        List<String> items,
        String category,
        String supplier,
        int horizonDays,
        BigDecimal serviceLevel,
        int suggestions,
        int policiesChanged,
        Map<String, Integer> models,
        Map<String, Integer> suggestionsByType,
        long readMs,
        long fitMs,
        long writeMs,
        Long durationMs,
        String error,
        String errorCode,
        String startedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public int percent() {
        return total == 0 ? ("DONE".equals(status) ? 100 : 0) : (int) (100L * done / total);
    }

    public boolean finished() {
        return "DONE".equals(status) || "FAILED".equals(status);
    }
}
