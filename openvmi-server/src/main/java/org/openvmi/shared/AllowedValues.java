package org.openvmi.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enum-like filters of lists ({@code ?status=}, {@code ?type=}). A value outside the allowed set is refused (400
 * naming the parameter and listing what is allowed) instead of answering an empty list, which would read as "nothing
 * matches" to a client with a typo. Matching ignores case and surrounding blanks, as the lists always did.
 */
public final class AllowedValues {

    private AllowedValues() {}

    /** The constant's name for the value, null for no filter (null or blank); otherwise a 400 on {@code field}. */
    public static <E extends Enum<E>> String code(String field, String value, Class<E> type) {
        return code(field, value, names(type));
    }

    /** The allowed code for the value, null for no filter (null or blank); otherwise a 400 on {@code field}. */
    public static String code(String field, String value, Collection<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(code)) {
            throw InvalidInputException.of(field, message(value, allowed));
        }
        return code;
    }

    /** "unknown value 'X'; allowed: A, B, C" — shared with the API's answer to a typed enum parameter. */
    public static String message(Object value, Collection<?> allowed) {
        return "unknown value '" + value + "'; allowed: "
                + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
