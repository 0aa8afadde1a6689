package org.openvmi.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A page's table as an XLSX attachment (issue 15: every page's figures exportable): the headings in the page's
 * language, then the rows as the page shows them, unformatted (numbers as numbers), named
 * {@code <stem>-<yyyyMMdd>.xlsx}. Streamed through {@link TabularWriter}.
 */
public final class XlsxDownload {

    private XlsxDownload() {}

    public static void write(
            HttpServletResponse response, String stem, Clock clock, List<String> headings, Iterable<List<?>> rows)
            throws IOException {
        String file = stem + "-" + LocalDate.now(clock).toString().replace("-", "") + ".xlsx";
        response.setContentType(TabularFormat.XLSX.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        try (TabularWriter writer = TabularWriter.open(headings, TabularFormat.XLSX, response.getOutputStream())) {
            rows.forEach(writer::row);
        }
        response.flushBuffer();
    }
}
