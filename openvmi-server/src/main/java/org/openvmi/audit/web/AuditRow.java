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

    /**
     * A text the system recorded with its code (ADR 0084) in the page's language: the refusal {@code code} with
     * {@code args}, or the stored English read as a known phrasing when there is no code (an older entry).
     */
    interface CodedTexts {
        String text(String code, List<Object> args, String stored);
    }

    /** Recorded fields that say a field's code and arguments ({@code reason} → {@code reasonCode}, {@code reasonArgs}). */
    private static final String CODE = "Code";

    private static final String ARGS = "Args";

    /** The fields whose stored text is a refusal's English: read in the page's language even without a code. */
    private static final Set<String> CODED = Set.of("reason");

    static AuditRow of(AuditEntry e, String actionLabel, JsonMapper json, CodedTexts texts) {
        Map<String, Object> before = fields(e.before(), json);
        Map<String, Object> after = fields(e.after(), json);
        Set<String> names = new LinkedHashSet<>(after.keySet());
        names.addAll(before.keySet());
        boolean both = e.before() != null && e.after() != null;
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            if (isCodeOf(name, names)) {
                continue; // shown through the field it codes
            }
            String b = coded(name, before, json, texts);
            String a = coded(name, after, json, texts);
            if (!both || !Objects.equals(b, a)) {
                changes.add(new Change(name, b, a));
            }
        }
        return new AuditRow(
                e.id(), e.at(), e.actor(), e.action(), actionLabel, e.entity(), e.entityKey(), both, changes);
    }

    private static boolean isCodeOf(String name, Set<String> names) {
        for (String suffix : List.of(CODE, ARGS)) {
            if (name.endsWith(suffix)
                    && name.length() > suffix.length()
                    && names.contains(name.substring(0, name.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The field's text; a system text with its code (or a known English phrasing) in the page's language. */
    private static String coded(String name, Map<String, Object> values, JsonMapper json, CodedTexts texts) {
        String stored = text(values.get(name), json);
        if (stored == null || !(CODED.contains(name) || values.containsKey(name + CODE))) {
            return stored;
        }
        Object code = values.get(name + CODE);
        List<Object> args = values.get(name + ARGS) instanceof List<?> list ? new ArrayList<>(list) : null;
        return texts.text(code == null ? null : String.valueOf(code), code == null ? null : args, stored);
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
