package org.openvmi.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rules shared by every business code of master data. */
public final class CatalogCodes {

    /** Letters, digits and . _ - ; no spaces, so codes survive URLs, files and barcode scanners. */
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._\\-]*$";

    private CatalogCodes() {}

    public static String trim(String s) {
        return s == null ? null : s.trim();
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static List<String> splitList(String text) {
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.stream(text.split("[,;\\s]+"))
                .filter(s -> !s.isBlank())
                .distinct()
                .toList());
    }
}
