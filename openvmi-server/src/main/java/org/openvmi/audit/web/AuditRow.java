package org.openvmi.audit.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openvmi.audit.AuditTrail.AuditEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One audit entry as the page shows it: the recorded JSON turned into "field: before → after" lines. For a change
 * (both values present, {@code change}) only the fields that changed are listed; for a creation, a deletion or an
 * event, every field with its one value.
 */
record AuditRow(
        long id,
        Instant at,
        String actor,
        String action,
        String actionLabel,
        String entity,
        String entityKey,
        boolean change,
        List<Change> changes) {

    record Change(String field, String before, String after) {}

    static AuditRow of(AuditEntry e, String actionLabel, JsonMapper json) {
        Map<String, Object> before = fields(e.before(), json);
        Map<String, Object> after = fields(e.after(), json);
        Set<String> names = new LinkedHashSet<>(after.keySet());
        names.addAll(before.keySet());
        boolean both = e.before() != null && e.after() != null;
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            String b = text(before.get(name), json);
            String a = text(after.get(name), json);
            if (!both || !Objects.equals(b, a)) {
                changes.add(new Change(name, b, a));
            }
        }
        return new AuditRow(
                e.id(), e.at(), e.actor(), e.action(), actionLabel, e.entity(), e.entityKey(), both, changes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(String value, JsonMapper json) {
        if (value == null) {
            return Map.of();
        }
        try {
            Object parsed = json.readValue(value, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            Map<String, Object> single = new LinkedHashMap<>();
            single.put("", parsed);
            return single;
        } catch (JacksonException notJson) {
            return Map.of("", value);
        }
    }

    private static String text(Object value, JsonMapper json) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> list) {
            return list.stream()
                    .map(v -> v instanceof Map ? json.writeValueAsString(v) : String.valueOf(v))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?>) {
            return json.writeValueAsString(value);
        }
        return String.valueOf(value);
    }
}
