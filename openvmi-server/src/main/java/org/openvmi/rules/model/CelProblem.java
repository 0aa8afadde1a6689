package org.openvmi.rules.model;

/** A CEL compile or evaluation problem at a position of the text (line and column from 1; 0 when unknown). */
public record CelProblem(int line, int column, String message) {

    /** "line 2, column 5: undeclared reference to 'onHnd'" — the form the API and the editor show. */
    public String describe() {
        return line > 0 ? "line " + line + ", column " + column + ": " + message : message;
    }
}
