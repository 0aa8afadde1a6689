package org.openvmi.engine.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a long-format {@code series,period,qty} slice from the test resources, series in file order. */
final class SeriesSlice {

    private SeriesSlice() {}

    static Map<String, double[]> read(String resource) {
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        try (var in = SeriesSlice.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                List<Double> values = rows.computeIfAbsent(f[0], k -> new ArrayList<>());
                if (Integer.parseInt(f[1]) != values.size() + 1) {
                    throw new IllegalStateException("periods out of order in " + resource + ": " + line);
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
