package org.openvmi.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/openvmi.jar}, built by {@code package} before failsafe runs) as a separate
 * process on a free port, for tests that must kill it. Its output goes to a log file that failures print.
 */
public final class PackagedServer implements AutoCloseable {

    private final List<String> arguments;
    private final Path log;
    private final int port;
    private Process process;

    public PackagedServer(Path log, List<String> arguments) {
        this.arguments = arguments;
        this.log = log;
        this.port = freePort();
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "openvmi.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run `./mvnw package` (failsafe runs "
                    + "after package, so `verify` builds it first)");
        }
        return jar;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server and waits until it answers its readiness probe. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: the server starts in about half the time, and these tests measure nothing
                "-XX:TieredStopAtLevel=1",
                "-Xmx384m",
                "-Dfile.encoding=UTF-8",
                "-jar",
                jar().toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.openvmi=INFO"));
        command.addAll(arguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the server exited with " + process.exitValue() + "; log:\n" + logTail());
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not ready within " + timeout + "; log:\n" + logTail());
    }

    /** SIGKILL on Linux: no shutdown hook, no graceful shutdown, no flushing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed server did not exit");
        }
    }

    /** SIGTERM: the server's graceful shutdown. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
