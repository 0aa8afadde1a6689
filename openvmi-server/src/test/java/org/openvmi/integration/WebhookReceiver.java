package org.openvmi.integration;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP receiver on a free local port that records every request and answers with a chosen status. */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile String failing;
    private volatile java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(0);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
                received.add(new Received(headers, body));
            }
            try {
                held.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body = received.get(received.size() - 1).body();
            boolean fail = failing != null && body.contains(failing) && failuresLeft.getAndDecrement() > 0;
            exchange.sendResponseHeaders(fail ? 500 : answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answerWith(int status) {
        answer.set(status);
    }

    /** The first {@code times} requests whose body contains {@code text} are answered 500, later ones as usual. */
    void failFirst(String text, int times) {
        failuresLeft.set(times);
        failing = text;
    }

    /** Holds the answers to the requests from now on (they stay in flight) until {@link #release}. */
    void hold() {
        held = new java.util.concurrent.CountDownLatch(1);
    }

    void release() {
        held.countDown();
    }

    /** Every request received, in the order it arrived. */
    public List<Received> all() {
        return List.copyOf(received);
    }

    public List<Received> mentioning(String text) {
        return received.stream().filter(r -> r.body().contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
