package org.openvmi.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Times POST /api/v1/imports/items on a running server with a generated CSV: first the rows are created, then the same
 * codes are imported again with changed names (all updated). Only the JDK, so it runs as a single source file:
 * {@code java bench/src/main/java/org/openvmi/bench/ImportBench.java http://localhost:8080 admin demo123 10000}
 */
public final class ImportBench {

    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String user = args.length > 1 ? args[1] : "admin";
        String password = args.length > 2 ? args[2] : "demo123";
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        String prefix = "BENCH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

        HttpClient http = HttpClient.newHttpClient();
        String auth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        boolean ok = run(http, base, auth, "create", csv(prefix, rows, "深沟球轴承"), rows);
        ok &= run(http, base, auth, "update", csv(prefix, rows, "轴承（已更新）"), rows);
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(HttpClient http, String base, String auth, String what, byte[] csv, int rows)
            throws Exception {
        String boundary = "----openvmi-bench-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"items.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(csv);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/items"))
                .header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = response.body().length() > 200 ? response.body().substring(0, 200) + "…" : response.body();
        System.out.printf(
                Locale.ROOT,
                "%s %d rows (%d KB): HTTP %d in %.2f s  %s%n",
                what,
                rows,
                csv.length / 1024,
                response.statusCode(),
                seconds,
                summary);
        return response.statusCode() == 200;
    }

    private static byte[] csv(String prefix, int rows, String name) {
        StringBuilder csv = new StringBuilder("code,name,uom,category,unitCost,lotTracked,barcodes\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(',')
                    .append(name)
                    .append(' ')
                    .append(i)
                    .append(",PCS,bench-")
                    .append(i % 20)
                    .append(',')
                    .append(i % 500)
                    .append(".25,")
                    .append(i % 7 == 0)
                    .append(',')
                    .append(prefix)
                    .append("-BC")
                    .append(i)
                    .append('|')
                    .append(prefix)
                    .append("-EAN")
                    .append(i)
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
