package org.openvmi.rules;

import java.util.List;
import org.openvmi.rules.model.Action;
import org.openvmi.rules.model.RuleDefinition;
import org.openvmi.rules.model.RuleScope;
import org.openvmi.rules.model.Trigger;

/**
 * A rule as the API writes it. {@code enabled} defaults to false (a new rule is dry-run before it acts);
 * {@code version}, when given on PUT, must be the stored one (409 otherwise).
 */
public record RuleRequest(
        String name,
        String description,
        String ownerSupplier,
        RuleScope scope,
        Trigger trigger,
        String condition,
        List<Action> actions,
        Boolean enabled,
        Integer version) {

    public RuleDefinition definition() {
        return new RuleDefinition(
                name == null ? null : name.trim(), description, ownerSupplier, scope, trigger, condition, actions);
    }
}
