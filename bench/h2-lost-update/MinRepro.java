import java.sql.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * Minimal lost-update reproducer: N threads, one hot row, each tx does
 *   UPDATE hot SET v = v + ?, ver = ver + 1 WHERE id = 1
 * and then COMMITs or (with probability rollbackPct) ROLLs BACK.
 * Invariant: ver == number of committed tx, v == sum of committed deltas.
 * rollbackPct < 0: the rolled-back transactions update row 2 only (never the hot row).
 * Usage: java -cp h2.jar:. MinRepro [file|mem] [threads=8] [secs=12] [rollbackPct=40] [runs=3] [extraUrl]
 */
public class MinRepro {
    static final boolean DIAG = Boolean.getBoolean("diag");
    static final String DIR = System.getProperty("dir", System.getProperty("java.io.tmpdir"));
    static final AtomicLong SEQ = new AtomicLong();
    static final ConcurrentLinkedQueue<long[]> EV = new ConcurrentLinkedQueue<>();
    public static void main(String[] a) throws Exception {
        String mode = a.length > 0 ? a[0] : "file";
        int threads = a.length > 1 ? Integer.parseInt(a[1]) : 8;
        int secs = a.length > 2 ? Integer.parseInt(a[2]) : 12;
        int rbPct = a.length > 3 ? Integer.parseInt(a[3]) : 40;
        int runs = a.length > 4 ? Integer.parseInt(a[4]) : 3;
        String extra = a.length > 5 ? a[5] : ";WRITE_DELAY=0";
        System.out.println("H2 " + org.h2.engine.Constants.FULL_VERSION + " mode=" + mode + " threads=" + threads + " secs=" + secs + " rollbackPct=" + rbPct + " url+=" + extra);
        int drifted = 0;
        for (int r = 0; r < runs; r++) {
            new java.io.File(DIR + "/min" + r + ".mv.db").delete();
            String url = mode.equals("mem") ? "jdbc:h2:mem:min" + r + ";DB_CLOSE_DELAY=-1" + extra : "jdbc:h2:file:" + DIR + "/min" + r + extra;
            Connection keep = DriverManager.getConnection(url, "sa", ""); // keeps the database open for the whole run
            try (Statement s = keep.createStatement()) {
                s.execute("CREATE TABLE hot (id BIGINT PRIMARY KEY, v BIGINT NOT NULL, ver BIGINT NOT NULL)");
                s.execute("INSERT INTO hot VALUES (1, 0, 0), (2, 0, 0)");
            }
            AtomicLong commits = new AtomicLong(), sum = new AtomicLong(), rollbacks = new AtomicLong(), errors = new AtomicLong();
            long end = System.currentTimeMillis() + secs * 1000L;
            ExecutorService ex = Executors.newFixedThreadPool(threads);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) fs.add(ex.submit(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                     PreparedStatement ps = c.prepareStatement("UPDATE hot SET v = v + ?, ver = ver + 1 WHERE id = 1");
                     PreparedStatement sel = c.prepareStatement("SELECT ver FROM hot WHERE id = 1");
                     PreparedStatement other = c.prepareStatement("UPDATE hot SET v = v + 1 WHERE id = 2")) {
                    c.setAutoCommit(false);
                    while (System.currentTimeMillis() < end) {
                        int d = 1 + rnd.nextInt(5);
                        try {
                            boolean rb = rnd.nextInt(100) < Math.abs(rbPct);
                            if (rb && rbPct < 0) { other.executeUpdate(); c.rollback(); rollbacks.incrementAndGet(); continue; } // rollback of a tx that never touched the hot row
                            ps.setLong(1, d);
                            if (ps.executeUpdate() != 1) throw new IllegalStateException("row not updated");
                            long seen = -1;
                            if (DIAG) try (ResultSet r2 = sel.executeQuery()) { r2.next(); seen = r2.getLong(1); }
                            if (rb) { c.rollback(); rollbacks.incrementAndGet(); if (DIAG) EV.add(new long[]{SEQ.incrementAndGet(), Thread.currentThread().getId(), 0, seen}); }
                            else { c.commit(); commits.incrementAndGet(); sum.addAndGet(d); if (DIAG) EV.add(new long[]{SEQ.incrementAndGet(), Thread.currentThread().getId(), 1, seen}); }
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                            c.rollback();
                        }
                    }
                }
                return null;
            }));
            for (Future<?> f : fs) f.get();
            ex.shutdown();
            try (Connection c = keep; Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v, ver FROM hot WHERE id = 1")) {
                rs.next();
                long v = rs.getLong(1), ver = rs.getLong(2);
                boolean bad = v != sum.get() || ver != commits.get();
                if (bad) drifted++;
                System.out.printf("run %d: commits=%d rollbacks=%d errors=%d  ver=%d (lost %d)  v=%d expected=%d diff=%d%s%n", r, commits.get(), rollbacks.get(), errors.get(),
                        ver, commits.get() - ver, v, sum.get(), v - sum.get(), bad ? "  LOST UPDATE" : "");
                if (DIAG && bad) {
                    // committed transactions that observed the same ver after their own update => one overwrote the other
                    Map<Long, List<long[]>> byVer = new TreeMap<>();
                    for (long[] e : EV) if (e[2] == 1) byVer.computeIfAbsent(e[3], k -> new ArrayList<>()).add(e);
                    int shown = 0;
                    for (Map.Entry<Long, List<long[]>> en : byVer.entrySet()) {
                        if (en.getValue().size() < 2 || shown++ >= 3) continue;
                        long lo = en.getValue().get(0)[0] - 4, hi = en.getValue().get(en.getValue().size() - 1)[0] + 2;
                        StringBuilder sb = new StringBuilder("  dup ver " + en.getKey() + ":");
                        List<long[]> win = new ArrayList<>();
                        for (long[] e : EV) if (e[0] >= lo && e[0] <= hi) win.add(e);
                        win.sort(Comparator.comparingLong(x -> x[0]));
                        for (long[] e : win) sb.append(String.format(" [#%d t%d %s ver=%d]", e[0], e[1], e[2] == 1 ? "COMMIT" : "ROLLBACK", e[3]));
                        System.out.println(sb);
                    }
                }
                EV.clear();
                s.execute("SHUTDOWN");
            }
            new java.io.File(DIR + "/min" + r + ".mv.db").delete();
        }
        System.out.println("SUMMARY runs=" + runs + " drifted=" + drifted);
    }
}
