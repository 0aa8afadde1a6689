package org.openvmi.planning;

import java.util.List;

/**
 * {@code POST /suggestions/requisitions}: the suggestions to buy, either by {@code ids} or as every OPEN purchase
 * suggestion matching {@code filter} ("select all on this filter", not only the page shown).
 */
public record SuggestionOrderRequest(List<Long> ids, SuggestionFilter filter) {}
