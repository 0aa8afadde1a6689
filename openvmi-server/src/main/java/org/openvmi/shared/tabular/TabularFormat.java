package org.openvmi.shared.tabular;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.openvmi.shared.InvalidInputException;

/**
 * The file formats of imports and exports. A CSV export is UTF-8 with a byte order mark by default (so that Excel on a
 * Chinese Windows shows Chinese text instead of reading the file as GBK), or, on request, UTF-8 without BOM or GB18030
 * for older programs; imports read any of them ({@link TextFileEncoding}).
 */
public enum TabularFormat {
    CSV("csv", StandardCharsets.UTF_8, true),
    CSV_WITHOUT_BOM("csv", StandardCharsets.UTF_8, false),
    CSV_GB18030("csv", TextFileEncoding.GB18030, false),
    XLSX("xlsx", null, false);

    private final String extension;
    private final Charset charset;
    private final boolean bom;

    TabularFormat(String extension, Charset charset, boolean bom) {
        this.extension = extension;
        this.charset = charset;
        this.bom = bom;
    }

    public String contentType() {
        return charset == null
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=" + charset.name();
    }

    public String extension() {
        return extension;
    }

    /** The encoding of a CSV (null for XLSX). */
    public Charset charset() {
        return charset;
    }

    /** Whether a CSV starts with a byte order mark. */
    public boolean bom() {
        return bom;
    }

    /** {@code csv} (UTF-8 with BOM, the default) or {@code xlsx}. */
    public static TabularFormat parse(String value) {
        return parse(value, null, true);
    }

    /**
     * An export's format from its request parameters: {@code format=csv|xlsx}, for CSV {@code encoding=utf-8|gb18030}
     * (also {@code gbk}; default UTF-8) and {@code bom=true|false} (UTF-8 only; default true).
     */
    public static TabularFormat parse(String value, String encoding, boolean bom) {
        String format = value == null || value.isBlank() ? "csv" : value.trim().toLowerCase(Locale.ROOT);
        if (format.equals("xlsx")) {
            return XLSX;
        }
        if (!format.equals("csv")) {
            throw InvalidInputException.of("format", "must be csv or xlsx");
        }
        String e = encoding == null || encoding.isBlank()
                ? "utf-8"
                : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "utf-8", "utf8" -> bom ? CSV : CSV_WITHOUT_BOM;
            case "gb18030", "gbk", "gb2312" -> CSV_GB18030;
            default -> throw InvalidInputException.of("encoding", "must be utf-8 or gb18030");
        };
    }

    /** Guesses the format of an uploaded file from its name; CSV unless it ends in .xlsx. */
    public static TabularFormat ofFileName(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : CSV;
    }
}
