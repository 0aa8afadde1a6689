package org.openvmi.consignment;

import java.util.List;

/** The supplier's confirmation or dispute of a statement: a comment and, for a dispute, comments on lines. */
public record StatementAnswer(String comment, List<LineComment> lines) {

    public record LineComment(Long line, String comment) {
    }
}
