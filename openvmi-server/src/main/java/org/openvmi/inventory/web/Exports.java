package org.openvmi.inventory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A download streamed row by row to the response. The file (headers and header row) is only started with the first
 * row or at the end, so a refusal before the first row (too many rows) can still answer with a page instead.
 */
final class Exports<T> implements Consumer<T> {

    private final HttpServletResponse response;
    private final TabularFormat format;
    private final String fileName;
    private final List<String> headers;
    private final Function<T, List<?>> cells;
    private TabularWriter writer;

    private Exports(
            HttpServletResponse response,
            TabularFormat format,
            String fileName,
            List<String> headers,
            Function<T, List<?>> cells) {
        this.response = response;
        this.format = format;
        this.fileName = fileName;
        this.headers = headers;
        this.cells = cells;
    }

    /** A download named {@code name-yyyyMMdd.ext}. */
    static <T> Exports<T> to(
            HttpServletResponse response,
            TabularFormat format,
            String name,
            Clock clock,
            List<String> headers,
            Function<T, List<?>> cells) {
        String file = name + "-" + LocalDate.now(clock).toString().replace("-", "") + "." + format.extension();
        return new Exports<>(response, format, file, headers, cells);
    }

    @Override
    public void accept(T row) {
        start().row(cells.apply(row));
    }

    /** Ends the file (an empty one has its header row). */
    void finish() {
        start().close();
        try {
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TabularWriter start() {
        if (writer == null) {
            response.setContentType(format.contentType());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName).build().toString());
            try {
                writer = TabularWriter.open(headers, format, response.getOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return writer;
    }
}
