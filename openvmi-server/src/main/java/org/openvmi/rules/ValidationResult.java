package org.openvmi.rules;

import java.util.List;

/** The answer of {@code POST /rules/validate}: ok, or the errors with their line and column (from 1). */
public record ValidationResult(boolean ok, List<Problem> errors) {

    public record Problem(int line, int column, String message) {
    }
}
