package org.openvmi.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Unit prices {@code series,unit_price} (or {@code series,price}): one row per series, zero or more. */
final class PriceFile {

    private PriceFile() {}

    static Map<String, Double> read(Path file) {
        Map<String, Double> prices = new HashMap<>();
        try (Reader reader = CsvFiles.open(file);
                CSVParser csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .get()
                        .parse(reader)) {
            List<String> header = csv.getHeaderNames();
            String column = header.contains("unit_price") ? "unit_price" : "price";
            if (!header.contains("series") || !header.contains(column)) {
                throw new CliException(file + ": the header must name the columns series,unit_price (found "
                        + String.join(",", header) + ")");
            }
            for (CSVRecord row : csv) {
                long line = row.getRecordNumber() + 1;
                if (!row.isConsistent()) {
                    throw new CliException(file + " line " + line + ": expected " + header.size() + " fields");
                }
                String raw = row.get(column);
                double price;
                try {
                    price = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    throw new CliException(file + " line " + line + ": price '" + raw + "' is not a number");
                }
                if (!(price >= 0) || Double.isInfinite(price)) {
                    throw new CliException(file + " line " + line + ": price " + raw + " must be zero or more");
                }
                if (prices.put(row.get("series"), price) != null) {
                    throw new CliException(file + " line " + line + ": second price for series " + row.get("series"));
                }
            }
        } catch (IOException e) {
            throw new CliException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new CliException(file + ": not a readable CSV file (" + e.getMessage() + ")");
        }
        if (prices.isEmpty()) {
            throw new CliException(file + ": no price rows");
        }
        return prices;
    }
}
