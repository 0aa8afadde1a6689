package org.openvmi.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openvmi.shared.tabular.SpreadsheetCells;

/**
 * Writes a CSV next to its destination under a temporary name and moves it into place only when every row is
 * written, so a failed run leaves the previous file (or none), never half of one.
 */
final class OutputFile {

    interface Rows {
        void write(Csv out) throws IOException;
    }

    /** One record at a time; text cells are neutralised against formula injection like every export's. */
    interface Csv {
        void record(Object... cells) throws IOException;
    }

    private OutputFile() {}

    static void write(Path target, String[] header, Rows rows) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException("--output " + target + ": the folder " + dir + " does not exist");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                    CSVPrinter out = CSVFormat.DEFAULT
                            .builder()
                            .setHeader(header)
                            .setRecordSeparator('\n')
                            .get()
                            .print(writer)) {
                rows.write(cells -> out.printRecord(
                        Arrays.stream(cells).map(SpreadsheetCells::cell).toList()));
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new CliException("--output " + target + ": cannot write (" + e.getMessage() + ")");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named .part
                }
            }
        }
    }
}
