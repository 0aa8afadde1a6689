package org.openvmi.rules;

import java.util.List;

/**
 * The answer of {@code POST /rules/validate}: ok, or the errors with their line and column (from 1). {@code code}
 * (with {@code args}) names a problem the product explains itself (required, rules.tooLong, rules.celNotBool,
 * rules.celNotNumber; null for CEL's own messages), for clients that show it in their language.
 */
public record ValidationResult(boolean ok, List<Problem> errors) {

    public record Problem(int line, int column, String message, String code, List<String> args) {}
}
