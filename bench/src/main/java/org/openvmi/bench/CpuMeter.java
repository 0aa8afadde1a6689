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
 * line names the database (those of other databases on the same server do not count).
 */
final class CpuMeter {

    /**
     * CPU seconds so far: server, client, PostgreSQL backends of the database; {@code requests}: the server's request
     * threads ({@code http-nio-…}) alone, so that a background job running in the measured window (a re-plan, the
     * analytics catch-up, JIT compilation) is not read as CPU of the posting path (issue 19, ADR 0086).
     */
    record Sample(double server, double client, double database, double requests) {
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
        return new Sample(server, client, db, serverPid == null ? Double.NaN : requestThreads() * TICK);
    }

    /** Ticks of the server's request threads (Tomcat's {@code http-nio-<port>-exec-<n>}), summed over /proc/pid/task. */
    private long requestThreads() {
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
