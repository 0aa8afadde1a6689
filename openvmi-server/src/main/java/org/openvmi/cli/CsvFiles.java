package org.openvmi.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.tabular.TabularFiles;

/**
 * Opens a CSV file decoded as every import decodes it ({@link TabularFiles#textReader}: UTF-8 with or without a byte
 * order mark, UTF-16 with one, GB18030/GBK), or refuses it naming the encodings tried.
 */
final class CsvFiles {

    private CsvFiles() {}

    static Reader open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TabularFiles.textReader(in);
        } catch (InvalidInputException e) {
            throw new CliException(file + ": " + e.errors().get(0).message());
        }
    }
}
