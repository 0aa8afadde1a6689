package org.openvmi.planning.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.planning.SuggestionFilter;
import org.openvmi.planning.SuggestionOrderRequest;

/**
 * The suggestions the page's "create requisitions" covers, as the form sends them: the checked ids, or {@code all}
 * open purchase suggestions on the list's filter. Public: the confirmation template reads it.
 */
public record SuggestionSelection(
        List<Long> ids, boolean all, String warehouse, String supplier, String urgency, String item) {

    SuggestionOrderRequest request() {
        return all
                ? new SuggestionOrderRequest(
                        null,
                        new SuggestionFilter(
                                null, null, blank(warehouse), blank(item), null, blank(supplier), blank(urgency)))
                : new SuggestionOrderRequest(ids, null);
    }

    /** Back to the suggestions list with the same filter. */
    public String listUrl() {
        return "/planning/suggestions?warehouse=" + nz(warehouse) + "&supplier=" + nz(supplier) + "&urgency="
                + nz(urgency) + "&item=" + nz(item);
    }

    public Map<String, String> filter() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("warehouse", nz(warehouse));
        f.put("supplier", nz(supplier));
        f.put("urgency", nz(urgency));
        f.put("item", nz(item));
        return f;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
