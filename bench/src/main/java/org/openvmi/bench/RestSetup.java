package org.openvmi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Master data of the ledger benches through the REST API with an API key: one warehouse {@code BW}, its locations
 * and the items. JDK only, so the HTTP bench can run outside the server's class path.
 */
final class RestSetup {

    private RestSetup() {}

    /** One warehouse, its locations and the items; their codes are added to {@code items} and {@code locations}. */
    static void masterData(
            String baseUrl, String apiKey, int itemCount, int locationCount, List<String> items, List<String> locations)
            throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        post(http, baseUrl + "/api/v1/warehouses", apiKey, "{\"code\":\"BW\",\"name\":\"bench warehouse\"}");
        for (int l = 0; l < locationCount; l++) {
            String code = String.format("BW-L%02d", l);
            post(
                    http,
                    baseUrl + "/api/v1/warehouses/BW/locations",
                    apiKey,
                    "{\"code\":\"" + code + "\",\"type\":\"STORAGE\"}");
            locations.add(code);
        }
        for (int i = 0; i < itemCount; i++) {
            String code = String.format("BI-%04d", i);
            post(
                    http,
                    baseUrl + "/api/v1/items",
                    apiKey,
                    "{\"code\":\"" + code + "\",\"name\":\"bench item " + i + "\",\"uom\":\"PCS\",\"unitCost\":1.5}");
            items.add(code);
        }
    }

    private static void post(HttpClient http, String url, String apiKey, String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("X-API-Key", apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + url + " " + body + ": " + r.statusCode() + " " + r.body());
        }
    }
}
