package org.openvmi.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /api/v1/movements} over one kept-alive HTTP/1.1 socket per client thread, written in one write and read
 * with a blocking socket: the lightest client the JDK allows (no selector thread, no futures), so that on a 2-core
 * machine the load generator takes as little CPU from the server as it can. Same requests and outcomes as {@link
 * LedgerClient.Rest}; handles Content-Length and chunked answers and reconnects when the server closes.
 */
final class RawHttpClient implements LedgerClient {

    private final String host;
    private final int port;
    private final String head;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    RawHttpClient(String baseUrl, String apiKey) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.head = "POST /api/v1/movements HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nX-API-Key: " + apiKey
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n";
    }

    @Override
    public Outcome post(List<Line> lines, String idempotencyKey) throws IOException {
        byte[] body = LedgerClient.body(lines).getBytes(StandardCharsets.UTF_8);
        String request = head + (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] start = request.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        Connection c = connections.get();
        if (c == null || c.socket.isClosed()) {
            c = new Connection(new Socket(host, port));
            connections.set(c);
        }
        Response r;
        try {
            r = c.exchange(all);
        } catch (IOException e) {
            c.socket.close();
            connections.remove();
            throw e;
        }
        if (r.close()) {
            c.socket.close();
            connections.remove();
        }
        return switch (r.status()) {
            case 201 -> Outcome.POSTED;
            case 409 -> Outcome.REFUSED;
            default -> throw new IllegalStateException(r.status() + " " + r.body());
        };
    }

    private record Response(int status, String body, boolean close) {}

    private static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Connection(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                body.write(in.readNBytes((int) length));
            } else {
                close = true;
                body.write(in.readAllBytes());
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8), close);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }
    }
}
