package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openvmi.planning.internal.ChunkRepository;
import org.openvmi.planning.internal.HistoryReader;
import org.openvmi.planning.internal.PlanningRunner;
import org.openvmi.planning.internal.RunRepository;
import org.openvmi.planning.internal.RunSpec;
import org.openvmi.security.Role;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A planning run split in chunks that instances claim (ADR 0076), on H2 and PostgreSQL with two item × warehouses per
 * chunk and a lease of {@value #LEASE_SECONDS} s: the split run's suggestions are those of the same scope planned in
 * one piece, each chunk is written once, a chunk claimed by an instance that died is taken by another once its lease
 * has ended by the database's clock (never an instance's), and a chunk worked on longer than its lease keeps it (the
 * working instance renews it). A run's status moves only as {@link org.openvmi.planning.model.RunStatus} allows: a
 * run failed meanwhile is neither started nor finished after all, and the runs page shows it failed with its reason.
 */
abstract class PlanningChunksContract extends PlanningContractFixture {

    /** {@code openvmi.planning.chunk-lease} of the subclasses. */
    static final int LEASE_SECONDS = 2;

    @Autowired
    RunRepository runs;

    @Autowired
    ChunkRepository chunks;

    @Autowired
    HistoryReader reader;

    @Autowired
    PlanningRunner runner;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** The subclasses' {@code openvmi.planning.chunk-lease} ({@value #LEASE_SECONDS} s). */
    @Value("${openvmi.planning.chunk-lease}")
    Duration lease;

    /** A warehouse with {@code n} items of different weekly demand and nothing on hand: each needs a purchase. */
    List<String> itemsNeedingStock(String warehouse, int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String item = data.item(Fixtures.SUPPLIER_A, 7 + i, "1", "5");
            data.weeklyDemand(item, warehouse, today, 30, String.valueOf(10 + 7 * i));
            codes.add(item);
        }
        return codes;
    }

    long start(String body) throws Exception {
        JsonNode started = json.readTree(mvc.perform(post("/api/v1/planning/runs")
                        .with(as(Role.PLANNER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString());
        return started.get("id").asLong();
    }

    JsonNode awaitEnd(long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode run =
                    json.readTree(mvc.perform(get("/api/v1/planning/runs/" + id).with(as(Role.VIEWER)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            if (List.of("DONE", "FAILED").contains(run.get("status").asString())) {
                return run;
            }
            assertThat(System.nanoTime()).as("run %d ends within a minute", id).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** A run's suggestions: item code → type, supplier, quantity, order-up-to. */
    Map<String, String> suggestionsOf(long run) {
        return new TreeMap<>(jdbc
                .sql("""
                        SELECT i.code, s.type, s.supplier_id, s.qty, s.order_up_to FROM planning_suggestion s
                        JOIN item i ON i.id = s.item_id WHERE s.run_id = :run""")
                .param("run", run)
                .query((rs, n) -> Map.entry(
                        rs.getString(1),
                        rs.getString(2) + " " + rs.getLong(3) + " "
                                + rs.getBigDecimal(4).stripTrailingZeros().toPlainString() + " "
                                + rs.getBigDecimal(5).stripTrailingZeros().toPlainString()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    List<Map<String, Object>> chunkRows(long run) {
        return jdbc.sql("SELECT seq, status, claimed_by, attempts, pairs FROM planning_run_chunk WHERE run_id = :run"
                        + " ORDER BY seq")
                .param("run", run)
                .query()
                .listOfRows();
    }

    @Test
    void a_run_split_in_chunks_suggests_what_the_same_scope_planned_in_one_piece_does() throws Exception {
        String wh = data.warehouse();
        List<String> codes = itemsNeedingStock(wh, 5);

        long split = start("{\"warehouse\":\"" + wh + "\",\"horizonDays\":28}");
        JsonNode run = awaitEnd(split);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("DONE");
        assertThat(run.get("total").asInt()).isEqualTo(5);
        assertThat(run.get("done").asInt()).isEqualTo(5);
        assertThat(run.get("suggestionsByType").get("PURCHASE").asInt()).isEqualTo(5);
        List<Map<String, Object>> rows = chunkRows(split);
        assertThat(rows).as("2 + 2 + 1 item × warehouses").hasSize(3);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("DONE"));
        assertThat(rows.stream()
                        .mapToInt(r -> ((Number) r.get("pairs")).intValue())
                        .sum())
                .isEqualTo(5);
        Map<String, String> bySplit = suggestionsOf(split);
        assertThat(bySplit).containsOnlyKeys(codes);

        // the same items at the same warehouse named one by one: planned in one piece, not split
        String named = codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        long whole = start("{\"warehouse\":\"" + wh + "\",\"items\":[" + named + "],\"horizonDays\":28}");
        assertThat(awaitEnd(whole).get("status").asString()).isEqualTo("DONE");
        assertThat(chunkRows(whole)).as("a run naming its items is not split").isEmpty();
        assertThat(suggestionsOf(whole)).isEqualTo(bySplit);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM planning_suggestion s JOIN item i ON i.id = s.item_id
                        WHERE s.status = 'OPEN' AND i.code IN (:codes)""").param("codes", codes).query(Long.class).single())
                .as("one OPEN suggestion per item: the split run's were superseded once")
                .isEqualTo(5L);
    }

    @Test
    void a_chunk_held_by_an_instance_that_died_is_taken_by_another_after_its_lease_and_written_once() throws Exception {
        String wh = data.warehouse();
        List<String> codes = itemsNeedingStock(wh, 4);
        Long warehouseId = jdbc.sql("SELECT id FROM warehouse WHERE code = :c")
                .param("c", wh)
                .query(Long.class)
                .single();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        LocalDate[] window = runner.window();
        // a split run as the instance that started it recorded it, its first chunk claimed by an instance that dies
        long id = tx.execute(
                s -> runs.insert(warehouseId, null, null, null, 28, new BigDecimal("0.95"), "test", clock.instant()));
        RunSpec spec = new RunSpec(id, warehouseId, null, null, null, 28, 0.95, window[0], window[1], null);
        List<long[]> pairs = reader.itemPairs(spec);
        assertThat(pairs).hasSize(4);
        ChunkRepository.Claim dead = tx.execute(s -> {
            chunks.insert(
                    id,
                    List.of(
                            new ChunkRepository.Range(pairs.get(0)[0], pairs.get(1)[0], 2),
                            new ChunkRepository.Range(pairs.get(2)[0], pairs.get(3)[0], 2)));
            runs.start(id, 4, window[0], window[1]);
            // the dead instance's lease is the test's chunk-lease property (2 s), not a wait of its own
            return chunks.claim("dead-instance/1", lease).orElseThrow();
        });
        assertThat(dead.seq()).isZero();

        // this instance's clock is 11 minutes ahead: it takes the other chunk, not the dead one's, whose lease runs
        // by the database's clock (the claim is made here, synchronously, well within the lease)
        clock.advance(Duration.ofMinutes(11));
        runner.takeChunks();
        assertThat(chunkRows(id).get(0))
                .containsEntry("status", "CLAIMED")
                .containsEntry("claimed_by", "dead-instance/1");
        assertThat(((Number) chunkRows(id).get(0).get("attempts")).intValue()).isOne();
        assertThat(chunkRows(id).get(1).get("status")).isNotEqualTo("OPEN");

        // its lease ends by the database's clock: taken again by this instance, and the run completes; polled, so
        // the test waits only as long as the lease and the planning take
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!runs.status(id).orElseThrow().equals("DONE")) {
            runner.takeChunks();
            assertThat(System.nanoTime()).as("run done").isLessThan(deadline);
            Thread.sleep(50);
        }
        Map<String, Object> retaken = chunkRows(id).get(0);
        assertThat(retaken.get("status")).isEqualTo("DONE");
        assertThat(retaken.get("claimed_by")).isNotEqualTo("dead-instance/1");
        assertThat(((Number) retaken.get("attempts")).intValue()).isEqualTo(2);
        assertThat(suggestionsOf(id)).containsOnlyKeys(codes);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM planning_suggestion WHERE run_id = :r")
                        .param("r", id)
                        .query(Long.class)
                        .single())
                .as("each item's suggestion written once")
                .isEqualTo(4L);
        JsonNode run = awaitEnd(id);
        assertThat(run.get("done").asInt()).isEqualTo(4);
        assertThat(run.get("suggestionsByType").get("PURCHASE").asInt()).isEqualTo(4);

        // the instance that died comes back late: its write is refused, nothing is written twice
        Boolean lateWrite = tx.execute(s -> chunks.done(dead, Map.of(), 0, 0, clock.instant()));
        assertThat(lateWrite).isFalse();
    }

    @Test
    void a_chunk_worked_on_longer_than_its_lease_keeps_it_and_no_other_instance_takes_it() throws Exception {
        String wh = data.warehouse();
        List<String> codes = itemsNeedingStock(wh, 4);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        long id;
        PlanningGate.holdReads();
        try {
            id = start("{\"warehouse\":\"" + wh + "\",\"horizonDays\":28}");
            // both chunks claimed here (two fitting threads), both held before anything is planned
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (chunkRows(id).size() != 2
                    || !chunkRows(id).stream().allMatch(r -> "CLAIMED".equals(r.get("status")))) {
                assertThat(System.nanoTime()).as("both chunks claimed").isLessThan(deadline);
                Thread.sleep(50);
            }
            // three leases later they are still this instance's: another instance finds nothing to take
            Thread.sleep(Duration.ofSeconds(3L * LEASE_SECONDS).toMillis());
            java.util.Optional<ChunkRepository.Claim> other =
                    tx.execute(st -> chunks.claim("other-instance/1", Duration.ofMinutes(1)));
            assertThat(other)
                    .as("a chunk whose lease is renewed is not claimed twice")
                    .isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM planning_run_chunk WHERE run_id = :r"
                                    + " AND lease_until > CURRENT_TIMESTAMP")
                            .param("r", id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(2L);
            assertThat(runs.status(id)).contains("RUNNING");
        } finally {
            PlanningGate.releaseReads();
        }
        JsonNode run = awaitEnd(id);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("DONE");
        assertThat(chunkRows(id)).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("DONE");
            assertThat(((Number) r.get("attempts")).intValue()).isOne();
            assertThat(r.get("claimed_by")).isNotEqualTo("other-instance/1");
        });
        assertThat(suggestionsOf(id)).containsOnlyKeys(codes);
    }

    @Test
    void a_run_failed_while_it_runs_stays_failed_and_the_runs_page_shows_it_failed_with_its_reason() throws Exception {
        String wh = data.warehouse();
        List<String> codes = itemsNeedingStock(wh, 2);
        String named = codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        long id;
        PlanningGate.holdReads();
        try {
            // a run naming its items runs in one piece; held as it reads its inputs
            id = start("{\"warehouse\":\"" + wh + "\",\"items\":[" + named + "],\"horizonDays\":28}");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!runs.status(id).orElseThrow().equals("RUNNING")) {
                assertThat(System.nanoTime()).as("run %d running", id).isLessThan(deadline);
                Thread.sleep(50);
            }
            // meanwhile it is judged stopped (what a start after its stale heartbeat does)
            runs.fail(
                    id,
                    org.openvmi.planning.RunErrors.NO_HEARTBEAT,
                    "no heartbeat for PT10M: its instance stopped",
                    clock.instant());
        } finally {
            PlanningGate.releaseReads();
        }
        // the next run on the same queue ends after it: by then the failed run has gone as far as it goes
        String other = data.warehouse();
        long next = start("{\"warehouse\":\"" + other + "\",\"items\":[\"" + codes.get(0) + "\"],\"horizonDays\":28}");
        assertThat(awaitEnd(next).get("status").asString()).isEqualTo("DONE");
        JsonNode failed = awaitEnd(id);
        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("phase").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("heartbeat");
        assertThat(suggestionsOf(id)).as("not planned after it failed").isEmpty();
        assertThat(runs.finish(id, Map.of(), 0, 0, 0, clock.instant()))
                .as("FAILED → DONE is refused")
                .isFalse();
        assertThat(runs.status(id)).contains("FAILED");

        // the runs page: the latest run (DONE) on top, the failed one in the list, failed, with its reason
        String page = mvc.perform(get("/planning/runs")
                        .session(org.openvmi.testsupport.UiSessions.login(mvc, "t-planner"))
                        .locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int row = page.indexOf("id=\"run-" + id + "\"");
        assertThat(row).as("the failed run's row").isPositive();
        String failedRow = page.substring(row, page.indexOf("</tr>", row));
        assertThat(failedRow).contains("Failed").contains("class=\"run-error").contains("heartbeat");
        int nextRow = page.indexOf("id=\"run-" + next + "\"");
        assertThat(page.substring(nextRow, page.indexOf("</tr>", nextRow))).doesNotContain("run-error");
    }
}
