package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerProbe.Key;
import org.openvmi.inventory.internal.PostingCoalescer;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concurrent postings of one hot stock key run several to a transaction (ADR 0098), and yet each is the posting it would
 * have been on its own: its own posting row, user, answer and idempotent replay; a refused one refused once (and
 * counted once as refused demand) while the others of its group are posted; no unit lost. Run on H2 and PostgreSQL.
 */
abstract class HotKeyCoalescingContract {

    static final int CLIENTS = 8;
    static final int POSTINGS_PER_CLIENT = 120;

    @Autowired
    InventoryLedger ledger;

    @Autowired
    StockQueries queries;

    @Autowired
    PostingCoalescer coalescer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    ItemCatalog items;

    @Autowired
    WarehouseCatalog warehouses;

    @Autowired
    SupplierCatalog suppliers;

    LedgerTestData data;
    LedgerProbe probe;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
        probe = new LedgerProbe(jdbc);
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** One acknowledged posting as its client saw it. */
    record Acknowledged(String user, PostingResult result, BigDecimal signed, String idempotencyKey) {}

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void postings_of_one_hot_key_share_transactions_and_each_keeps_its_own_row_user_answer_and_refusal()
            throws Exception {
        Key hot = new Key(data.item, data.bin1, "OWN", "");
        ledger.post(new PostingRequest(List.of(hot.line("RECEIPT", new BigDecimal("40"), null, "SEED"))), null);
        PostingCoalescer.Stats before = coalescer.stats();
        long refusalsRecordedBefore = refusalsRecorded();

        List<Acknowledged> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, PostingResult> firstAnswers = new ConcurrentHashMap<>();
        AtomicLong refused = new AtomicLong();
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String user = "coalesce-" + c;
            long seed = 31L * (c + 1);
            clients.add(pool.submit(() -> {
                LedgerConcurrencyContract.asUser(user);
                Random random = new Random(seed);
                start.await();
                for (int n = 0; n < POSTINGS_PER_CLIENT; n++) {
                    // issues outweigh receipts, so the key runs dry again and again and some issues are refused
                    boolean receipt = random.nextInt(100) < 45;
                    BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(receipt ? 4 : 6));
                    String idempotencyKey = random.nextInt(3) == 0 ? user + "-" + n : null;
                    PostingRequest request = new PostingRequest(
                            List.of(hot.line(receipt ? "RECEIPT" : "ISSUE", qty, null, user + "#" + n)));
                    try {
                        PostingResult result = ledger.post(request, idempotencyKey);
                        acknowledged.add(new Acknowledged(user, result, receipt ? qty : qty.negate(), idempotencyKey));
                        if (idempotencyKey != null) {
                            firstAnswers.put(idempotencyKey, result);
                            // the client's retry, while the others keep posting: the first answer, nothing posted
                            assertThat(ledger.post(request, idempotencyKey)).isEqualTo(result);
                        }
                    } catch (InsufficientStockException e) {
                        refused.incrementAndGet();
                    } catch (RuntimeException | AssertionError e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : clients) {
            f.get(50, TimeUnit.SECONDS);
        }
        PostingCoalescer.Stats after = coalescer.stats();
        System.out.printf(
                "%s: %d postings acknowledged, %d refused; %d transactions held %d postings together%n",
                getClass().getSimpleName(),
                acknowledged.size(),
                refused.get(),
                after.groups() - before.groups(),
                after.postings() - before.postings());

        assertThat(unexpected).as("only 409 refusals reach a caller").isEmpty();
        assertThat(after.groups() - before.groups())
                .as("transactions that posted several postings of the hot key together")
                .isPositive();
        assertThat(after.postings() - before.postings())
                .as("postings in those transactions")
                .isGreaterThanOrEqualTo(2 * (after.groups() - before.groups()));
        assertThat(refused.get()).as("issues refused: the key ran dry").isPositive();
        assertThat(acknowledged.size() + refused.get()).isEqualTo((long) CLIENTS * POSTINGS_PER_CLIENT);

        BigDecimal expected = new BigDecimal("40");
        for (Acknowledged a : acknowledged) {
            expected = expected.add(a.signed());
        }
        assertThat(probe.onHand(hot)).as("balance = seed + Σ acknowledged").isEqualByComparingTo(expected);
        assertThat(probe.ledgerSum(hot))
                .as("Σ movements = seed + Σ acknowledged")
                .isEqualByComparingTo(expected);

        // every acknowledged posting is its own row with its one movement, posted by its own client's user
        assertThat(acknowledged.stream().map(a -> a.result().postingId()).distinct())
                .hasSize(acknowledged.size());
        Map<Long, String> userOfPosting = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT p.id, p.username, m.username, COUNT(*) OVER (PARTITION BY p.id)
                        FROM stock_posting p JOIN stock_movement m ON m.posting_id = p.id
                        JOIN item i ON i.id = m.item_id WHERE i.code = :item""")
                .param("item", data.item)
                .query((rs, n) -> {
                    assertThat(rs.getString(2)).isEqualTo(rs.getString(3));
                    assertThat(rs.getLong(4))
                            .as("movements of posting %d", rs.getLong(1))
                            .isOne();
                    return userOfPosting.put(rs.getLong(1), rs.getString(2));
                })
                .list();
        for (Acknowledged a : acknowledged) {
            assertThat(userOfPosting.get(a.result().postingId()))
                    .as("user of posting %d", a.result().postingId())
                    .isEqualTo(a.user());
            assertThat(a.result().movements()).singleElement().satisfies(m -> {
                assertThat(m.postingId()).isEqualTo(a.result().postingId());
                assertThat(m.qty()).isEqualByComparingTo(a.signed());
                assertThat(m.user()).isEqualTo(a.user());
            });
        }
        assertThat(userOfPosting)
                .as("postings in the ledger: the seed and the acknowledged ones")
                .hasSize(acknowledged.size() + 1);
        for (Map.Entry<String, PostingResult> e : firstAnswers.entrySet()) {
            assertThat(probe.postingsWithKey(e.getKey()))
                    .as("postings with key %s", e.getKey())
                    .isOne();
        }

        // a refusal is refused demand once: a refused posting's try inside a group is not counted, only its own
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (refusalsRecorded() - refusalsRecordedBefore < refused.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        assertThat(refusalsRecorded() - refusalsRecordedBefore)
                .as("refused issues recorded as refused demand")
                .isEqualTo(refused.get());
        assertThat(queries.reconcile().breaks()).isEmpty();
    }

    private long refusalsRecorded() {
        return jdbc.sql("SELECT COUNT(*) FROM analytics_refusal WHERE item = :item")
                .param("item", data.item)
                .query(Long.class)
                .single();
    }
}
