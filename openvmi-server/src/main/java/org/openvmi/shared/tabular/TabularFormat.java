package org.openvmi.shared.tabular;

import java.util.Locale;

import org.openvmi.shared.InvalidInputException;

/** The file formats of imports and exports. */
public enum TabularFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    TabularFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static TabularFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("format", "must be csv or xlsx");
        }
    }

    /** Guesses the format of an uploaded file from its name; CSV unless it ends in .xlsx. */
    public static TabularFormat ofFileName(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : CSV;
    }
}
