package org.openvmi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reference: PostgreSQL's own pgbench, TPC-B-like, on a scratch database of the same server. */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;

    PgBench(String host, int port, String user, String password, String database) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /** {@code pgbench -i -s scale}: the pgbench_* tables with scale × 100,000 accounts. */
    void initialize(int scale) throws IOException, InterruptedException {
        run(List.of("-i", "-q", "-s", String.valueOf(scale)));
    }

    /** {@code pgbench -c clients -j 2 -T seconds}: the TPC-B-like transaction; returns its tps. */
    double tpcB(int clients, int seconds) throws IOException, InterruptedException {
        String out = run(List.of("-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds)));
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no tps in pgbench output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", host, "-p", String.valueOf(port), "-U", user));
        command.addAll(arguments);
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!password.isEmpty()) {
            builder.environment().putAll(Map.of("PGPASSWORD", password));
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
