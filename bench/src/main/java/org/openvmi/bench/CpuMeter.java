package org.openvmi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) the server process, this client process and the PostgreSQL backends of one database used:
 * on a machine shared with other work, CPU per posting is a figure the load barely changes, unlike postings per
 * second. Reads /proc (Linux; clock ticks of 10 ms); the backends are the {@code postgres} processes whose command
 * line names the database (those of other databases on the same server do not count). {@code requests} is the part of
 * the server's CPU its Tomcat threads ({@code http-nio-*}: acceptor, poller, request threads) used: the HTTP path and
 * the ledger call without the server's background work (re-plans, snapshots, JIT, GC), which is what a change of the
 * request path moves (ADR 0087). A request thread that ended within the window is not counted.
 */
final class CpuMeter {

    /** CPU seconds so far: server, client, PostgreSQL backends of the database, the server's Tomcat threads. */
    record Sample(double server, double client, double database, double requests) {
        Sample(double server, double client, double database) {
            this(server, client, database, Double.NaN);
        }

        Sample minus(Sample before) {
            return new Sample(
                    server - before.server,
                    client - before.client,
                    database - before.database,
                    requests - before.requests);
        }
    }

    private static final double TICK = 0.01;

    private final String serverPid;
    private final String database;

    CpuMeter(String serverPid, String database) {
        this.serverPid = serverPid;
        this.database = database;
    }

    Sample sample() {
        double client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
        double server = serverPid == null ? Double.NaN : ticks(Path.of("/proc", serverPid)) * TICK;
        double db = 0;
        if (database == null) {
            db = Double.NaN;
        } else {
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path p : procs) {
                    try {
                        String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                        if (cmd.startsWith("postgres: ") && cmd.contains(" " + database + " ")) {
                            db += ticks(p) * TICK;
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                db = Double.NaN;
            }
        }
        return new Sample(server, client, db, serverPid == null ? Double.NaN : tomcatThreads() * TICK);
    }

    /** Ticks of the server's threads named {@code http-nio-*} (the kernel keeps the first 15 characters of a name). */
    private long tomcatThreads() {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", serverPid, "task"))) {
            for (Path t : tasks) {
                try {
                    if (Files.readString(t.resolve("comm")).startsWith("http-nio")) {
                        sum += ticks(t);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    /** utime + stime of /proc/pid/stat (fields 14 and 15; the command in parentheses may hold spaces). */
    private static long ticks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return 0;
        }
    }
}
