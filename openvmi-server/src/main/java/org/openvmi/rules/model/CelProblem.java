package org.openvmi.rules.model;

import java.util.List;

/**
 * A CEL compile or evaluation problem at a position of the text (line and column from 1; 0 when unknown). Problems
 * the product explains itself (empty, too long, wrong result type) carry a message {@code code} ({@code domain.<code>})
 * with its {@code args}, so pages say them in the reader's language; CEL's own messages have none and are shown as
 * CEL wrote them, inside a translated "line, column" wrapper.
 */
public record CelProblem(int line, int column, String message, String code, List<Object> args) {

    public CelProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public CelProblem(int line, int column, String message) {
        this(line, column, message, null, List.of());
    }

    /** "line 2, column 5: undeclared reference to 'onHnd'" — the form the API and the editor show. */
    public String describe() {
        return line > 0 ? "line " + line + ", column " + column + ": " + message : message;
    }
}
