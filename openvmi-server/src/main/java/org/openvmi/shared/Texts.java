package org.openvmi.shared;

/**
 * The {@link MaxChars} check for a free text that reaches a use case as a plain parameter (a reason, a comment),
 * not inside a request object: refused naming the field and the column's limit, never cut silently.
 */
public final class Texts {

    private Texts() {}

    /** The text unchanged; 400 "at most N characters" on {@code field} when its trimmed length is over {@code max}. */
    public static String atMost(String field, String text, int max) {
        if (text != null && text.trim().length() > max) {
            throw InvalidInputException.of(field, "at most " + max + " characters");
        }
        return text;
    }
}
