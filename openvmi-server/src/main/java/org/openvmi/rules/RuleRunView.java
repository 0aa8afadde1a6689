package org.openvmi.rules;

import java.time.Instant;

/**
 * One evaluation of a rule: window, when, how long, OK or FAILED, subjects read, fired, actions carried out, and what
 * started it ({@code trigger}: CRON, or the event's name such as MOVEMENT_POSTED). A failed run's {@code error} is its
 * English text, {@code errorCode} a stable code for it (ADR 0084: notCompiled, timeBudget, evaluation, readFailed,
 * actionsFailed; a client treats an unknown code like a missing one).
 */
public record RuleRunView(
        long id,
        long rule,
        String window,
        Instant startedAt,
        long millis,
        String status,
        int subjects,
        int fired,
        int created,
        String error,
        String errorCode,
        String trigger) {}
