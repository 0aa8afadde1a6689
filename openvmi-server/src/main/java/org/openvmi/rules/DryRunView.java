package org.openvmi.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a rule would do now: how many subjects in its scope were read, which fire with the values that made them fire,
 * and per action the rendered message or quantity (a transfer: the source warehouse as message and the quantity
 * it can give; a service level: the level as quantity). Nothing is written. {@code error} when the rule failed.
 */
public record DryRunView(long rule, int subjects, int fired, long millis, String error, List<Hit> hits) {

    /** One firing subject: its values by variable name, and per action its outcome. */
    public record Hit(String item, String warehouse, Map<String, String> values, List<Outcome> actions) {}

    /** An action's outcome for a subject: type, the message in the caller's language or the quantity. */
    public record Outcome(String type, String severity, String message, BigDecimal quantity) {}
}
