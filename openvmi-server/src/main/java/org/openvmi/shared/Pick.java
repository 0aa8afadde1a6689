package org.openvmi.shared;

/**
 * One choice of a searchable picker: the code a form posts ({@code value}, e.g. an item code or a PO id) and what a
 * person recognises it by ({@code label}: name, barcode, supplier …).
 */
public record Pick(String value, String label) {

    /** Most choices a picker offers at once: a person narrows down by typing more. */
    public static final int LIMIT = 12;

    /** The text as a case-insensitive SQL LIKE pattern matching it anywhere, with LIKE's wildcards escaped ({@code \}). */
    public static String containing(String text) {
        String escaped = text.trim()
                .toLowerCase()
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
