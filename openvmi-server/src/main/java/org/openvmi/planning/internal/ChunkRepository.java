package org.openvmi.planning.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chunks of a planning run split across instances ({@code planning_run_chunk}, ADR 0076). A chunk is claimed for a
 * lease: on PostgreSQL the candidate row is locked with {@code FOR UPDATE SKIP LOCKED}, so instances claiming at once
 * take different chunks without waiting; on H2 (one instance) a conditional update decides. Either way the claim adds
 * one to {@code attempts}, which the chunk's write checks, so a chunk taken over after its lease ended is written once.
 * Leases are judged by the database's clock ({@code CURRENT_TIMESTAMP}), never an instance's, so instances whose
 * clocks are apart agree on when a lease ends; the instance working on a chunk renews its lease ({@link #renew}).
 */
@Repository
public class ChunkRepository {

    /** One item range of a run: whole items, {@code pairs} item × warehouses with history. */
    public record Range(long itemFrom, long itemTo, int pairs) {}

    /** A chunk this instance holds: its run, number, items and the claim it was taken with. */
    public record Claim(long runId, int seq, long itemFrom, long itemTo, String owner, int attempt) {}

    /** What the done chunks of a run add up to. */
    public record Totals(Map<String, Object> summary, long readMs, long fitMs, long writeMs) {}

    private static final String CLAIMABLE = """
            FROM planning_run_chunk c JOIN planning_run r ON r.id = c.run_id
            WHERE r.status = 'RUNNING' AND (c.status = 'OPEN' OR (c.status = 'CLAIMED' AND c.lease_until < CURRENT_TIMESTAMP))""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final boolean postgres;
    /** The database's time a lease ends, {@code :leaseMs} from now. */
    private final String leaseEnd;

    ChunkRepository(JdbcClient jdbc, JsonMapper json, DatabaseClock database) {
        this.jdbc = jdbc;
        this.json = json;
        this.postgres = database.postgres();
        this.leaseEnd = database.plusMillis("leaseMs");
    }

    public void insert(long runId, List<Range> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            jdbc.sql("""
                    INSERT INTO planning_run_chunk (run_id, seq, item_from, item_to, pairs, status)
                    VALUES (:run, :seq, :from, :to, :pairs, 'OPEN')""")
                    .param("run", runId)
                    .param("seq", i)
                    .param("from", r.itemFrom())
                    .param("to", r.itemTo())
                    .param("pairs", r.pairs())
                    .update();
        }
    }

    /**
     * Claims the first open chunk of a running run (or one whose lease ended by the database's clock) for
     * {@code owner}, for {@code lease} from the database's now; must run in a transaction.
     */
    public Optional<Claim> claim(String owner, Duration lease) {
        if (postgres) {
            List<long[]> locked = jdbc.sql("SELECT c.run_id, c.seq " + CLAIMABLE
                            + " ORDER BY c.run_id, c.seq LIMIT 1 FOR UPDATE OF c SKIP LOCKED")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list();
            return locked.isEmpty() ? Optional.empty() : take(locked.get(0)[0], (int) locked.get(0)[1], owner, lease);
        }
        List<long[]> candidates = jdbc.sql("SELECT c.run_id, c.seq " + CLAIMABLE + " ORDER BY c.run_id, c.seq LIMIT 8")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        for (long[] c : candidates) {
            Optional<Claim> claim = take(c[0], (int) c[1], owner, lease);
            if (claim.isPresent()) {
                return claim;
            }
        }
        return Optional.empty();
    }

    private Optional<Claim> take(long runId, int seq, String owner, Duration lease) {
        int n = jdbc.sql(
                        "UPDATE planning_run_chunk SET status = 'CLAIMED', claimed_by = :owner, attempts = attempts + 1,"
                                + " lease_until = " + leaseEnd
                                + " WHERE run_id = :run AND seq = :seq"
                                + " AND (status = 'OPEN' OR (status = 'CLAIMED' AND lease_until < CURRENT_TIMESTAMP))")
                .param("owner", owner)
                .param("leaseMs", lease.toMillis())
                .param("run", runId)
                .param("seq", seq)
                .update();
        if (n == 0) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "SELECT item_from, item_to, attempts FROM planning_run_chunk WHERE run_id = :run AND seq = :seq")
                .param("run", runId)
                .param("seq", seq)
                .query((rs, i) -> new Claim(runId, seq, rs.getLong(1), rs.getLong(2), owner, rs.getInt(3)))
                .optional();
    }

    /**
     * Renews the lease of a chunk this claim still holds to {@code lease} from the database's now (the heartbeat of the
     * instance working on it); false when the claim no longer holds it (done, or taken over after its lease ended).
     */
    public boolean renew(Claim claim, Duration lease) {
        return held(jdbc.sql("UPDATE planning_run_chunk SET lease_until = " + leaseEnd + HELD), claim)
                        .param("leaseMs", lease.toMillis())
                        .update()
                == 1;
    }

    /**
     * Marks the claimed chunk DONE with what it computed, first thing in its write transaction (the row stays locked
     * until it commits); false when the claim is no longer this one's (the lease ended and another instance took it).
     */
    public boolean done(Claim claim, Map<String, Object> summary, long readMs, long fitMs, Instant now) {
        return held(
                                jdbc.sql(
                                        "UPDATE planning_run_chunk SET status = 'DONE', summary_json = :j, read_ms = :r,"
                                                + " fit_ms = :f, done_at = :now, lease_until = NULL" + HELD),
                                claim)
                        .param("j", json.writeValueAsString(summary))
                        .param("r", readMs)
                        .param("f", fitMs)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The condition that a claim still holds its chunk (claimed by it, in the attempt it claimed). */
    private static final String HELD = " WHERE run_id = :run AND seq = :seq AND status = 'CLAIMED'"
            + " AND claimed_by = :owner AND attempts = :attempt";

    /** The parameters of {@link #HELD} for the claim. */
    private static JdbcClient.StatementSpec held(JdbcClient.StatementSpec statement, Claim claim) {
        return statement
                .param("run", claim.runId())
                .param("seq", claim.seq())
                .param("owner", claim.owner())
                .param("attempt", claim.attempt());
    }

    public void writeTime(Claim claim, long writeMs) {
        jdbc.sql("UPDATE planning_run_chunk SET write_ms = :w WHERE run_id = :run AND seq = :seq")
                .param("w", writeMs)
                .param("run", claim.runId())
                .param("seq", claim.seq())
                .update();
    }

    /** Whether this claim still holds its chunk (not done, not taken over). */
    public boolean holds(Claim claim) {
        return held(jdbc.sql("SELECT COUNT(*) FROM planning_run_chunk" + HELD), claim)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public int notDone(long runId) {
        return jdbc.sql("SELECT COUNT(*) FROM planning_run_chunk WHERE run_id = :run AND status <> 'DONE'")
                .param("run", runId)
                .query(Integer.class)
                .single();
    }

    /** Model and suggestion counts and times of the run's done chunks, added up. */
    public Totals totals(long runId) {
        Map<String, Map<String, Integer>> summary = new TreeMap<>();
        long[] ms = new long[3];
        jdbc.sql("SELECT summary_json, read_ms, fit_ms, write_ms FROM planning_run_chunk WHERE run_id = :run"
                        + " AND status = 'DONE' ORDER BY seq")
                .param("run", runId)
                .query(rs -> {
                    String j = rs.getString(1);
                    if (j != null) {
                        Map<String, Map<String, Integer>> chunk =
                                json.readValue(j, new TypeReference<Map<String, Map<String, Integer>>>() {});
                        chunk.forEach((part, counts) ->
                                counts.forEach((k, v) -> summary.computeIfAbsent(part, p -> new TreeMap<>())
                                        .merge(k, v, Integer::sum)));
                    }
                    ms[0] += rs.getLong(2);
                    ms[1] += rs.getLong(3);
                    ms[2] += rs.getLong(4);
                });
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("models", summary.getOrDefault("models", Map.of()));
        out.put("suggestions", summary.getOrDefault("suggestions", Map.of()));
        return new Totals(out, ms[0], ms[1], ms[2]);
    }

    /** Who did the chunks of a run: claimant → chunks done (for the log, the tests and the bench). */
    public Map<String, Integer> doneBy(long runId) {
        Map<String, Integer> by = new TreeMap<>();
        jdbc.sql("SELECT claimed_by, COUNT(*) FROM planning_run_chunk WHERE run_id = :run AND status = 'DONE'"
                        + " GROUP BY claimed_by")
                .param("run", runId)
                .query(rs -> {
                    by.put(rs.getString(1), rs.getInt(2));
                });
        return by;
    }
}
