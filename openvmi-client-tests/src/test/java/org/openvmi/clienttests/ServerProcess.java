package org.openvmi.clienttests;

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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code openvmi-server/target/openvmi.jar}, which the reactor builds before this module) on
 * a free port with demo users on its own in-memory H2 database, as a client deployment would see it.
 */
final class ServerProcess implements AutoCloseable {

    private final Path log;
    private final int port = freePort();
    private Process process;

    ServerProcess(Path log) {
        this.log = log;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    ServerProcess start(Duration timeout) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("openvmi.server.jar", "../openvmi-server/target/openvmi.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first with "
                    + "`./mvnw -pl openvmi-server -am package -DskipTests`");
        }
        Files.createDirectories(log.getParent());
        String db = "jdbc:h2:mem:client_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx768m", // 384m ran out with the demo year in an in-memory H2 (its event outbox, sessions)
                        "-Dfile.encoding=UTF-8",
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--server.port=" + port,
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--spring.datasource.url=" + db,
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--openvmi.demo-data=true",
                        "--openvmi.security.bcrypt-strength=4"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not ready within " + timeout + ":\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
