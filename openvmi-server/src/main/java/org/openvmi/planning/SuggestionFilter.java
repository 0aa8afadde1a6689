package org.openvmi.planning;

/**
 * Which suggestions a list or a bulk action covers (all optional): type, status, warehouse, item and supplier codes,
 * planning run, urgency (URGENT / NORMAL, see {@link org.openvmi.planning.model.SuggestionUrgency}).
 */
public record SuggestionFilter(
        String type, String status, String warehouse, String item, Long run, String supplier, String urgency) {}
