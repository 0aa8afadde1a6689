package org.openvmi.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule that names an operation in the OpenAPI document after what it does, so generated clients get methods
 * such as {@code listItems}, {@code getItem}, {@code approveRequisition} whose names do not shift when another
 * controller is added: the Java method name followed by the resource the path addresses (the last path segment
 * before an id, singular; or the first segment of a collection, plural), unless the method name already names it.
 * Methods for which the rule reads wrong carry {@code @Operation(operationId = …)}.
 */
final class OperationIds {

    /** Path segments that group resources rather than name one. */
    private static final Set<String> GROUPS = Set.of("api", "v1", "vmi", "procurement", "planning", "notifications");

    private OperationIds() {}

    static String of(String methodName, String path) {
        String noun = resource(path);
        if (noun.isEmpty()
                || methodName.toLowerCase(Locale.ROOT).contains(singular(noun).toLowerCase(Locale.ROOT))) {
            return methodName;
        }
        return methodName + noun;
    }

    static String resource(String path) {
        List<String> segments = new ArrayList<>(
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
        for (int i = segments.size() - 2; i >= 0; i--) {
            if (!isVariable(segments.get(i)) && isVariable(segments.get(i + 1))) {
                return pascal(singular(segments.get(i)));
            }
        }
        return segments.stream()
                .filter(s -> !isVariable(s) && !GROUPS.contains(s))
                .findFirst()
                .map(OperationIds::pascal)
                .orElse("");
    }

    /** "approveRequisition" → "Approve requisition." */
    static String sentence(String operationId) {
        String words = operationId.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String pascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
