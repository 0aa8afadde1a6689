package org.openvmi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.security.Role;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Re-planning when it matters, on H2 and PostgreSQL: the nightly run is on by default and starts once however many
 * instances fire, and a missed firing is caught up once; a receipt re-plans just its item × warehouse in one targeted
 * run after a short debounce, and pairs waiting when an instance stopped are re-planned after the next start.
 */
@TestPropertySource(properties = {"openvmi.planning.replan=true", "openvmi.planning.replan-debounce=PT1S"})
abstract class ReplanningContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    PlanningRuns planningRuns;

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @Autowired
    ApplicationContext context;

    PlanningTestData data;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new PlanningTestData(items, warehouses, suppliers, jdbc);
        clock.reset();
        awaitNoLiveRun();
    }

    @Test
    void the_nightly_planning_run_is_scheduled_by_default() {
        List<String> crons = new ArrayList<>();
        for (ScheduledTaskHolder holder : schedulers) {
            for (ScheduledTask task : holder.getScheduledTasks()) {
                // the runnable is wrapped (outcome tracking); its description names the scheduled method
                if (task.getTask() instanceof CronTask cron
                        && cron.getRunnable().toString().endsWith(PlanningRuns.class.getName() + ".scheduled")) {
                    crons.add(cron.getExpression());
                }
            }
        }
        assertThat(crons).containsExactly("0 30 1 * * *");
    }

    @Test
    void two_schedulers_firing_for_the_same_night_start_one_run_and_a_late_third_none() throws Exception {
        jdbc.sql("UPDATE planning_run_guard SET scheduled_slot = NULL").update();
        long before = scheduledRuns();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> fired = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fired.add(two.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    planningRuns.scheduled();
                    return null;
                }));
            }
            for (Future<?> f : fired) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(scheduledRuns()).isEqualTo(before + 1);
        awaitNoLiveRun();

        planningRuns.scheduled(); // an instance whose clock is a minute late fires for the same night
        assertThat(scheduledRuns()).isEqualTo(before + 1);
    }

    @Test
    void a_receipt_re_plans_that_item_at_that_warehouse_only_in_one_targeted_run() throws Exception {
        String w1 = data.warehouse();
        String w2 = data.warehouse();
        String received = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        String other = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        for (String wh : List.of(w1, w2)) {
            data.weeklyDemand(received, wh, java.time.LocalDate.now(clock), 20, "10");
            data.weeklyDemand(other, wh, java.time.LocalDate.now(clock), 20, "10");
        }
        long lastRun = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM planning_run")
                .query(Long.class)
                .single();

        mvc.perform(post("/api/v1/movements")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"%s\",\"location\":\"%s-B1\",\"qty\":40}]}"
                                        .formatted(received, w1)))
                .andExpect(status().isCreated());

        long run = replanDoneAfter(lastRun);
        assertThat(plannedPairs(run)).containsExactly(received + "@" + w1);
        assertThat(jdbc.sql("SELECT total FROM planning_run WHERE id = :run")
                        .param("run", run)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // the receipt's new stock is in the suggestion's position: the others were never planned
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM planning_suggestion s JOIN item i ON i.id = s.item_id
                WHERE s.run_id = :run AND i.code <> :item""")
                        .param("run", run)
                        .param("item", received)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void postings_during_a_hold_start_no_re_plan_and_are_re_planned_after_it() throws Exception {
        String wh = data.warehouse();
        String received = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        data.weeklyDemand(received, wh, java.time.LocalDate.now(clock), 20, "10");
        long lastRun = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM planning_run")
                .query(Long.class)
                .single();

        planningRuns.withReplansHeld(() -> {
            try {
                mvc.perform(post("/api/v1/movements")
                                .with(as(Role.WAREHOUSE))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"%s\",\"location\":\"%s-B1\",\"qty\":40}]}"
                                                .formatted(received, wh)))
                        .andExpect(status().isCreated());
                // two debounce windows (1 s here): without the hold a re-plan would have started by now
                Thread.sleep(2_500);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM planning_run WHERE id > :last")
                            .param("last", lastRun)
                            .query(Long.class)
                            .single())
                    .as("no run while held")
                    .isZero();
            return null;
        });

        long run = replanDoneAfter(lastRun);
        assertThat(plannedPairs(run)).containsExactly(received + "@" + wh);
    }

    @Test
    void a_supplier_stock_report_re_plans_its_items_where_they_are_planned() throws Exception {
        String w1 = data.warehouse();
        String w2 = data.warehouse();
        String reported = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        String other = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        for (String wh : List.of(w1, w2)) {
            data.weeklyDemand(reported, wh, java.time.LocalDate.now(clock), 20, "10");
        }
        data.weeklyDemand(other, w1, java.time.LocalDate.now(clock), 20, "10");
        long lastRun = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM planning_run")
                .query(Long.class)
                .single();

        mvc.perform(post("/api/v1/supplier-stock")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"supplier\":\"%s\",\"lines\":[{\"item\":\"%s\",\"available\":500}]}"
                                .formatted(Fixtures.SUPPLIER_A, reported)))
                .andExpect(status().isOk());

        long run = replanDoneAfter(lastRun);
        assertThat(plannedPairs(run)).containsExactlyInAnyOrder(reported + "@" + w1, reported + "@" + w2);
    }

    @Test
    void pairs_left_waiting_by_a_stopped_instance_are_re_planned_after_the_next_start() throws Exception {
        String wh = data.warehouse();
        String item = data.item(Fixtures.SUPPLIER_A, 14, "1", "10");
        data.weeklyDemand(item, wh, java.time.LocalDate.now(clock), 20, "10");
        long itemId = jdbc.sql("SELECT id FROM item WHERE code = :c")
                .param("c", item)
                .query(Long.class)
                .single();
        long whId = jdbc.sql("SELECT id FROM warehouse WHERE code = :c")
                .param("c", wh)
                .query(Long.class)
                .single();
        long lastRun = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM planning_run")
                .query(Long.class)
                .single();
        // what an instance noted before it stopped: only the table knows it
        jdbc.sql(
                        "INSERT INTO planning_replan_pending (item_id, warehouse_id, noted_at) VALUES (:i, :w, CURRENT_TIMESTAMP)")
                .param("i", itemId)
                .param("w", whId)
                .update();

        ReflectionTestUtils.invokeMethod(
                context.getBean(Class.forName("org.openvmi.planning.internal.Replanner")), "resume");

        long run = replanDoneAfter(lastRun);
        assertThat(plannedPairs(run)).containsExactly(item + "@" + wh);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM planning_replan_pending WHERE item_id = :i")
                        .param("i", itemId)
                        .query(Long.class)
                        .single())
                .as("taken, so no other instance runs it again")
                .isZero();
    }

    @Test
    void a_missed_nightly_firing_is_run_once_at_the_next_check_and_never_on_a_fresh_install() throws Exception {
        jdbc.sql("UPDATE planning_run_guard SET scheduled_slot = NULL").update();
        long before = scheduledRuns();
        planningRuns.catchUp();
        assertThat(scheduledRuns())
                .as("no nightly run was ever claimed: nothing to catch up")
                .isEqualTo(before);

        // the last claimed firing was three nights ago: the instances were down since
        jdbc.sql("UPDATE planning_run_guard SET scheduled_slot = :s")
                .param("s", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(3))))
                .update();
        planningRuns.catchUp();
        assertThat(scheduledRuns()).isEqualTo(before + 1);
        java.time.Instant claimed = jdbc.sql("SELECT scheduled_slot FROM planning_run_guard")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(claimed)
                .isAfter(clock.instant().minus(Duration.ofDays(1).plusMinutes(6)))
                .isBeforeOrEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
        awaitNoLiveRun();
        planningRuns.catchUp();
        assertThat(scheduledRuns()).as("caught up once").isEqualTo(before + 1);
    }

    /** The first targeted re-plan after {@code lastRun} once it is done (waits up to 30 s). */
    private long replanDoneAfter(long lastRun) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> jdbc.sql(
                                        "SELECT COALESCE(MAX(id), 0) FROM planning_run WHERE id > :last AND started_by = 'replan'"
                                                + " AND status = 'DONE'")
                                .param("last", lastRun)
                                .query(Long.class)
                                .single(),
                        id -> id > 0);
    }

    /** The item@warehouse pairs a run forecast. */
    private Set<String> plannedPairs(long run) {
        return new HashSet<>(jdbc.sql("""
                SELECT i.code || '@' || w.code FROM planning_forecast f JOIN item i ON i.id = f.item_id
                JOIN warehouse w ON w.id = f.warehouse_id WHERE f.run_id = :run""").param("run", run).query(String.class).list());
    }

    private long scheduledRuns() {
        return jdbc.sql("SELECT COUNT(*) FROM planning_run WHERE started_by = 'scheduler'")
                .query(Long.class)
                .single();
    }

    private void awaitNoLiveRun() {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM planning_run WHERE status IN ('QUEUED', 'RUNNING')")
                                .query(Long.class)
                                .single()
                        == 0);
    }
}
