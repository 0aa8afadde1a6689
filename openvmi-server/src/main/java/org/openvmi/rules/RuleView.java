package org.openvmi.rules;

import java.time.Instant;
import java.util.List;
import org.openvmi.rules.model.Action;
import org.openvmi.rules.model.RuleScope;
import org.openvmi.rules.model.Trigger;

/** A stored rule; {@code disabledReason} says why the engine switched it off (repeated failures), null otherwise. */
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
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {}
