package org.openvmi.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** One way of posting to the ledger: the service in-process, or the REST API. */
interface LedgerClient {

    /** A movement line as the bench generates it. */
    record Line(String type, String item, String location, int qty) {}

    enum Outcome {
        POSTED,
        REFUSED
    }

    /** Posts the lines as one posting; REFUSED for insufficient stock (409); anything else throws. */
    Outcome post(List<Line> lines, String idempotencyKey) throws Throwable;

    /**
     * {@code InventoryLedger.post} called directly, measuring the ledger without HTTP. The server's classes are
     * reached by name: the bench runs inside the packaged server jar, which cannot be a compile dependency.
     */
    final class Service implements LedgerClient {

        private final Object ledger;
        private final MethodHandle newLine;
        private final MethodHandle newRequest;
        private final MethodHandle post;

        Service(ApplicationContext context) throws ReflectiveOperationException {
            ClassLoader loader = context.getClassLoader();
            Class<?> ledgerType = Class.forName("org.openvmi.inventory.InventoryLedger", true, loader);
            Class<?> lineType = Class.forName("org.openvmi.inventory.MovementRequest", true, loader);
            Class<?> requestType = Class.forName("org.openvmi.inventory.PostingRequest", true, loader);
            Class<?> resultType = Class.forName("org.openvmi.inventory.PostingResult", true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            this.ledger = context.getBean(ledgerType);
            this.newLine = lookup.findConstructor(
                    lineType,
                    MethodType.methodType(
                            void.class,
                            String.class,
                            String.class,
                            String.class,
                            String.class,
                            String.class,
                            BigDecimal.class,
                            BigDecimal.class,
                            String.class,
                            String.class));
            this.newRequest = lookup.findConstructor(requestType, MethodType.methodType(void.class, List.class));
            this.post = lookup.findVirtual(
                    ledgerType, "post", MethodType.methodType(resultType, requestType, String.class));
        }

        @Override
        public Outcome post(List<Line> lines, String idempotencyKey) throws Throwable {
            List<Object> request = new ArrayList<>(lines.size());
            for (Line l : lines) {
                request.add(newLine.invoke(
                        l.type(),
                        l.item(),
                        l.location(),
                        (String) null,
                        (String) null,
                        BigDecimal.valueOf(l.qty()),
                        (BigDecimal) null,
                        (String) null,
                        "BENCH"));
            }
            try {
                post.invoke(ledger, newRequest.invoke(request), idempotencyKey);
                return Outcome.POSTED;
            } catch (RuntimeException e) {
                if (e.getClass().getSimpleName().equals("InsufficientStockException")) {
                    return Outcome.REFUSED;
                }
                throw e;
            }
        }
    }

    /** The JSON body of {@code POST /api/v1/movements} for the lines. */
    static String body(List<Line> lines) {
        StringBuilder body = new StringBuilder(64 + lines.size() * 90).append("{\"lines\":[");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            body.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"")
                    .append(l.type())
                    .append("\",\"item\":\"")
                    .append(l.item())
                    .append("\",\"location\":\"")
                    .append(l.location())
                    .append("\",\"qty\":")
                    .append(l.qty())
                    .append(",\"reference\":\"BENCH\"}");
        }
        return body.append("]}").toString();
    }

    /** {@code POST /api/v1/movements} with an API key: the product as an integration sees it. */
    final class Rest implements LedgerClient {

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI uri;
        private final String apiKey;

        Rest(String baseUrl, String apiKey) {
            this.uri = URI.create(baseUrl + "/api/v1/movements");
            this.apiKey = apiKey;
        }

        @Override
        public Outcome post(List<Line> lines, String idempotencyKey) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .header("X-API-Key", apiKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(lines)));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 201 -> Outcome.POSTED;
                case 409 -> Outcome.REFUSED;
                default -> throw new IllegalStateException(response.statusCode() + " " + response.body());
            };
        }
    }
}
