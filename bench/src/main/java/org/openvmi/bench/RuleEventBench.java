package org.openvmi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event-rule latency (issue 17: "on events only the affected subjects are evaluated, under 50 ms after the posting
 * commits") against a running server, JDK only (run as a single source file). Sets up a warehouse and N items with
 * 100 each, an enabled rule on MOVEMENT_POSTED ({@code available < 50.0} → an alert), then posts one ISSUE of 60 per
 * item, one at a time, and waits for the rule's run of that posting in its run log.
 *
 * <p>Per posting: {@code commit} = when the posting's HTTP response arrived (the posting committed just before; same
 * host, same clock as the server); {@code start} = the run's {@code startedAt} (after the debounce and the read of the
 * touched items' facts); {@code end} = {@code startedAt + millis} (evaluation, the alert, the run row; the run's commit
 * follows at once). Prints p50 / p99 / max of end − commit (the goal), of start − commit (queue, debounce, facts) and
 * of the run's own millis.
 *
 * <p>{@code java bench/src/main/java/org/openvmi/bench/RuleEventBench.java http://127.0.0.1:18080 admin demo123
 * [postings=100]} (the user makes an API key for itself first: no bcrypt per request in the figures)
 */
public final class RuleEventBench {

    private static HttpClient http;
    private static String base;
    private static String key;

    public static void main(String[] args) throws Exception {
        base = args[0] + "/api/v1";
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int postings = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api-keys"))
                        .header("Authorization", basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"rule-event-bench\",\"username\":\"" + args[1] + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        key = field(created.body(), "secret");
        if (key == null) {
            throw new IllegalStateException("no API key: HTTP " + created.statusCode() + " " + created.body());
        }

        String run =
                Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        String wh = "EW" + run;
        call("POST", "/warehouses", "{\"code\":\"" + wh + "\",\"name\":\"rule bench " + wh + "\"}", 201);
        call("POST", "/warehouses/" + wh + "/locations", "{\"code\":\"" + wh + "-B1\",\"type\":\"STORAGE\"}", 201);
        List<String> items = new ArrayList<>();
        StringBuilder receipt = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < postings; i++) {
            String code = "EI" + run + "-" + i;
            items.add(code);
            call("POST", "/items", "{\"code\":\"" + code + "\",\"name\":\"bench item\",\"uom\":\"PCS\"}", 201);
            receipt.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"RECEIPT\",\"item\":\"")
                    .append(code)
                    .append("\",\"location\":\"")
                    .append(wh)
                    .append("-B1\",\"owner\":\"OWN\",\"qty\":100}");
        }
        call("POST", "/movements", receipt.append("]}").toString(), 201);
        String rule = call(
                "POST",
                "/rules",
                "{\"name\":\"event bench " + run + "\",\"scope\":{\"warehouses\":[\"" + wh + "\"]},"
                        + "\"trigger\":{\"cron\":null,\"events\":[\"MOVEMENT_POSTED\"]},"
                        + "\"condition\":\"available < 50.0\",\"enabled\":true,"
                        + "\"actions\":[{\"type\":\"ALERT\",\"severity\":\"INFO\","
                        + "\"messageEn\":\"{item}: {available} left\",\"messageZh\":\"{item}：剩 {available}\"}]}",
                201);
        String ruleId = field(rule, "id");
        System.out.printf("set up: %d items with 100 each in %s, rule %s on MOVEMENT_POSTED%n", postings, wh, ruleId);

        List<long[]> samples = new ArrayList<>(); // {end − commit, start − commit, run millis}
        int missed = 0;
        for (int i = 0; i < postings; i++) {
            int before = total(ruleId);
            call(
                    "POST",
                    "/movements",
                    "{\"lines\":[{\"type\":\"ISSUE\",\"item\":\"" + items.get(i) + "\",\"location\":\"" + wh
                            + "-B1\",\"owner\":\"OWN\",\"qty\":60}]}",
                    201);
            long commit = System.currentTimeMillis();
            String latest = null;
            long deadline = commit + 10_000;
            while (System.currentTimeMillis() < deadline) {
                String page = call("GET", "/rules/" + ruleId + "/runs?size=1", null, 200);
                if (Integer.parseInt(field(page, "totalElements")) > before) {
                    latest = page;
                    break;
                }
                Thread.sleep(2);
            }
            if (latest == null) {
                missed++;
                continue;
            }
            long start = Instant.parse(field(latest, "startedAt")).toEpochMilli();
            long millis = Long.parseLong(field(latest, "millis"));
            if (i >= Math.min(10, postings / 10)) { // the first ones warm the JIT up
                samples.add(new long[] {start + millis - commit, start - commit, millis});
            }
            Thread.sleep(50);
        }
        System.out.printf(
                "%d postings measured (%d warm-up, %d without a run within 10 s)%n",
                samples.size(), postings - samples.size() - missed, missed);
        report("posting committed → rule run done (goal < 50 ms)", samples, 0);
        report("  of it: committed → run started (debounce, facts read)", samples, 1);
        report("  of it: the run (evaluation, alert, run log)", samples, 2);
    }

    private static void report(String what, List<long[]> samples, int column) {
        long[] v = samples.stream().mapToLong(s -> s[column]).sorted().toArray();
        if (v.length == 0) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf(
                "%s: p50 %d ms, p99 %d ms, max %d ms%n",
                what,
                v[(int) (v.length * 0.5)],
                v[Math.min(v.length - 1, (int) Math.ceil(v.length * 0.99) - 1)],
                v[v.length - 1]);
    }

    private static int total(String ruleId) throws Exception {
        return Integer.parseInt(field(call("GET", "/rules/" + ruleId + "/runs?size=1", null, 200), "totalElements"));
    }

    private static String call(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-API-Key", key);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The first value of a JSON field (string or number), enough for these answers. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9.]+))")
                .matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }
}
