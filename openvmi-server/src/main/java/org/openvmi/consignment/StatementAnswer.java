package org.openvmi.consignment;

import jakarta.validation.Valid;
import java.util.List;
import org.openvmi.shared.MaxChars;

/** The supplier's confirmation or dispute of a statement: a comment and, for a dispute, comments on lines. */
public record StatementAnswer(@MaxChars(2000) String comment, List<@Valid LineComment> lines) {

    public record LineComment(Long line, @MaxChars(1000) String comment) {}
}
