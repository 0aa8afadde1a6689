package org.openvmi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the shared long-format demand files ({@code series,period,qty}, periods 1, 2, … in order, header line) into
 * one array per series, in file order. Periods out of order are refused rather than silently shuffled, because
 * every accuracy figure depends on the last periods being the holdout.
 */
final class SeriesFile {

    private SeriesFile() {}

    static Map<String, double[]> read(Path file) {
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                List<Double> values = rows.computeIfAbsent(f[0], k -> new ArrayList<>());
                if (Integer.parseInt(f[1]) != values.size() + 1) {
                    throw new IllegalStateException("periods out of order in " + file + ": " + line);
                }
                values.add(Double.parseDouble(f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        rows.forEach((k, v) ->
                series.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return series;
    }
}
