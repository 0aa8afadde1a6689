package org.openvmi.rules;

import java.time.Instant;
import java.util.List;
import org.openvmi.rules.model.Action;
import org.openvmi.rules.model.RuleScope;
import org.openvmi.rules.model.Trigger;

/**
 * A stored rule; {@code disabledReason} says why the engine switched it off (repeated failures), null otherwise, in
 * English; {@code disabledCode} is that reason's code ({@code failedRuns}: {@code consecutiveFailures} failed runs in
 * a row), what pages show it by in their language (ADR 0084).
 */
public record RuleView(
        long id,
        String name,
        String description,
        String owner,
        String ownerSupplier,
        RuleScope scope,
        Trigger trigger,
        String condition,
        List<Action> actions,
        boolean enabled,
        int version,
        int consecutiveFailures,
        String disabledReason,
        String disabledCode,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {}
