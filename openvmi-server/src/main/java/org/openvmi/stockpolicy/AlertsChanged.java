package org.openvmi.stockpolicy;

import java.util.List;

/**
 * What one judgement raised and resolved, published once per judgement inside its transaction: a posting that drops
 * stock to zero raises three alerts in one event, a planning run that sets 100,000 lines publishes a few hundred
 * events rather than one per alert, so listeners behind the event publication registry get one entry per batch.
 */
public record AlertsChanged(List<AlertRaised> raised, List<AlertResolved> resolved) {

    public AlertsChanged {
        raised = List.copyOf(raised);
        resolved = List.copyOf(resolved);
    }

    public static AlertsChanged of(AlertRaised raised) {
        return new AlertsChanged(List.of(raised), List.of());
    }

    public static AlertsChanged of(AlertResolved resolved) {
        return new AlertsChanged(List.of(), List.of(resolved));
    }

    public boolean isEmpty() {
        return raised.isEmpty() && resolved.isEmpty();
    }
}
