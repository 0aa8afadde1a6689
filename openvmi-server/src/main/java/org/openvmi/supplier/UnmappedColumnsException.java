package org.openvmi.supplier;

import java.util.List;
import org.openvmi.shared.InvalidInputException;

/**
 * An upload with column names the supplier has not told the meaning of yet: nothing was imported. The API answers
 * 400 naming them ({@code unmappedColumns}, with a guessed column where there is one); the page asks once.
 */
public class UnmappedColumnsException extends InvalidInputException {

    /** An unknown header, a sample value from the file, and the guessed column (null: none, i.e. ignore). */
    public record Unmapped(String header, String sample, String guess) {}

    private final transient List<Unmapped> unmapped;

    public UnmappedColumnsException(List<Unmapped> unmapped, String message) {
        super(List.of(new org.openvmi.shared.FieldErrors.FieldError("file", message)));
        this.unmapped = List.copyOf(unmapped);
    }

    public List<Unmapped> unmapped() {
        return unmapped;
    }
}
