package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerProbe.Key;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The ledger under concurrent load, through {@link InventoryLedger#post} directly: many clients on a few hot stock keys,
 * and the same idempotent request racing itself. Run on H2 and PostgreSQL.
 */
abstract class LedgerConcurrencyContract {

    /** How long the clients hammer the hot keys; the whole test stays well under 30 s. */
    static final Duration LOAD_DURATION = Duration.ofSeconds(10);

    static final int CLIENTS = 16;
    static final int IDEMPOTENT_RACERS = 5;
    static final int IDEMPOTENCY_ROUNDS = 12;

    @Autowired
    InventoryLedger ledger;

    @Autowired
    StockQueries queries;

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
    List<Key> hotKeys;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
        probe = new LedgerProbe(jdbc);
        hotKeys = List.of(
                new Key(data.item, data.bin1, "OWN", ""),
                new Key(data.item, data.bin2, "OWN", ""),
                new Key(data.lotItem, data.bin1, "OWN", "L1"),
                new Key(data.lotItem, data.bin2, "OWN", "L1"),
                new Key(data.item, data.vmi, Fixtures.SUPPLIER_A, ""));
        pool = Executors.newFixedThreadPool(CLIENTS + 1);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS))
                .as("client threads stopped")
                .isTrue();
    }

    /** What the clients saw: per key the sum of acknowledged quantities, and every answer that was not a posting. */
    static final class Outcome {
        final Map<Key, BigDecimal> acknowledged = new ConcurrentHashMap<>();
        final Map<Long, Integer> linesPerPosting = new ConcurrentHashMap<>();
        final AtomicLong postings = new AtomicLong();
        final AtomicLong refusals = new AtomicLong();
        final AtomicLong transfers = new AtomicLong();
        final List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void concurrent_receipts_issues_and_transfers_on_hot_keys_lose_no_unit_never_go_negative_and_surface_only_409s()
            throws Exception {
        Outcome outcome = new Outcome();
        long deadline = System.nanoTime() + LOAD_DURATION.toNanos();
        AtomicReference<BigDecimal> lowest = new AtomicReference<>();
        AtomicLong samples = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);

        Future<?> sampler = pool.submit(() -> {
            start.await();
            while (System.nanoTime() < deadline) {
                BigDecimal min = probe.minAvailable(hotKeys);
                if (min != null) {
                    samples.incrementAndGet();
                    lowest.accumulateAndGet(min, (a, b) -> a == null || b.compareTo(a) < 0 ? b : a);
                }
                Thread.sleep(5);
            }
            return null;
        });
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            long seed = 7_919L * (c + 1);
            clients.add(pool.submit(() -> {
                asUser("t-warehouse");
                start.await();
                Random random = new Random(seed);
                while (System.nanoTime() < deadline) {
                    postOne(random, outcome);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : clients) {
            f.get(LOAD_DURATION.toSeconds() + 15, TimeUnit.SECONDS);
        }
        sampler.get(5, TimeUnit.SECONDS);
        System.out.printf(
                "%s: %d clients × %d s: %d postings acknowledged (%d transfer-like), %d refused (409), "
                        + "%d unexpected; %d balance samples, lowest available %s%n",
                getClass().getSimpleName(),
                CLIENTS,
                LOAD_DURATION.toSeconds(),
                outcome.postings.get(),
                outcome.transfers.get(),
                outcome.refusals.get(),
                outcome.unexpected.size(),
                samples.get(),
                lowest.get());

        assertThat(outcome.unexpected)
                .as("only InsufficientStockException (409) may reach a caller; deadlocks, serialization failures, "
                        + "lock timeouts and duplicate keys are the ledger's to retry")
                .isEmpty();
        assertThat(outcome.postings.get()).as("acknowledged postings").isGreaterThan(50);
        assertThat(outcome.refusals.get())
                .as("issues refused for insufficient stock: the keys really were hot")
                .isPositive();
        assertThat(outcome.transfers.get())
                .as("two-line transfer-like postings acknowledged")
                .isPositive();
        assertThat(samples.get()).as("balance samples taken during the run").isGreaterThan(10);
        assertThat(lowest.get())
                .as("lowest on hand − reserved seen by the sampler during the run")
                .isNotNegative();

        for (Key k : hotKeys) {
            BigDecimal expected = outcome.acknowledged.getOrDefault(k, BigDecimal.ZERO);
            assertThat(probe.onHand(k))
                    .as("balance of %s = Σ acknowledged movements", k)
                    .isEqualByComparingTo(expected);
            assertThat(probe.ledgerSum(k))
                    .as("Σ ledger movements of %s = Σ acknowledged movements", k)
                    .isEqualByComparingTo(expected);
            assertThat(probe.onHand(k)).as("final balance of %s", k).isNotNegative();
        }
        assertThat(probe.linesPerPosting(List.of(data.item, data.lotItem)))
                .as("exactly the acknowledged postings are in the ledger, each with all its lines")
                .isEqualTo(longs(outcome.linesPerPosting));
        ReconcileReport report = queries.reconcile();
        assertThat(report.breaks()).as("reconcile breaks").isEmpty();
        assertThat(report.ok()).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void
            the_same_request_with_the_same_idempotency_key_sent_concurrently_posts_once_and_every_caller_gets_the_same_answer()
                    throws Exception {
        Key existing = hotKeys.get(0);
        ledger.post(new PostingRequest(List.of(existing.line("RECEIPT", new BigDecimal("1000"), null, "SEED"))), null);
        for (int round = 0; round < IDEMPOTENCY_ROUNDS; round++) {
            String idempotencyKey = "RACE-" + UUID.randomUUID();
            // odd rounds open a new stock key, so the racers also race to create its balance row
            Key fresh = new Key(data.lotItem, data.bin2, "OWN", "R" + round);
            List<MovementRequest> lines = new ArrayList<>(List.of(
                    existing.line("ISSUE", new BigDecimal("3"), null, idempotencyKey),
                    hotKeys.get(1).line("RECEIPT", new BigDecimal("3"), new BigDecimal("2.50"), idempotencyKey)));
            if (round % 2 == 1) {
                lines.add(fresh.line("RECEIPT", new BigDecimal("4.25"), null, idempotencyKey));
            }
            PostingRequest request = new PostingRequest(lines);
            BigDecimal before = probe.onHand(existing);

            CountDownLatch ready = new CountDownLatch(IDEMPOTENT_RACERS);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<PostingResult>> answers = new ArrayList<>();
            for (int r = 0; r < IDEMPOTENT_RACERS; r++) {
                answers.add(pool.submit(() -> {
                    asUser("t-warehouse");
                    ready.countDown();
                    gate.await();
                    // each racer builds its own equal request, as separate HTTP clients would
                    return ledger.post(new PostingRequest(List.copyOf(request.lines())), idempotencyKey);
                }));
            }
            ready.await();
            gate.countDown();
            List<PostingResult> results = new ArrayList<>();
            for (Future<PostingResult> f : answers) {
                results.add(f.get(30, TimeUnit.SECONDS)); // an exception here fails the test with its cause
            }

            PostingResult first = results.get(0);
            assertThat(results)
                    .as("round %d: all %d answers", round, IDEMPOTENT_RACERS)
                    .allSatisfy(result -> {
                        assertThat(result.postingId()).isEqualTo(first.postingId());
                        assertThat(result).isEqualTo(first);
                    });
            assertThat(probe.postingsWithKey(idempotencyKey))
                    .as("round %d: postings with the key", round)
                    .isOne();
            assertThat(probe.movementsOfPosting(first.postingId())).isEqualTo(lines.size());
            assertThat(probe.onHand(existing))
                    .as("round %d: issued once", round)
                    .isEqualByComparingTo(before.subtract(new BigDecimal("3")));
            if (round % 2 == 1) {
                assertThat(probe.onHand(fresh))
                        .as("round %d: new key received once", round)
                        .isEqualByComparingTo("4.25");
            }
        }
        assertThat(queries.reconcile().breaks()).isEmpty();
    }

    private void postOne(Random random, Outcome outcome) {
        List<MovementRequest> lines = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        List<BigDecimal> signed = new ArrayList<>();
        int kind = random.nextInt(100);
        boolean transfer = false;
        if (kind < 35) {
            add(lines, keys, signed, pick(random), "RECEIPT", qty(random, 10), random);
        } else if (kind < 70) {
            Key key = pick(random);
            // consignment stock is consumed through the consignment use case; posted directly it is issued
            boolean consume = random.nextBoolean() && key.owner().equals("OWN");
            add(lines, keys, signed, key, consume ? "CONSUME" : "ISSUE", qty(random, 14), random);
        } else if (kind < 90) {
            // transfer-like: the same quantity leaves one location and arrives at the other, in either line order
            transfer = true;
            int pair = random.nextInt(2) * 2;
            boolean forward = random.nextBoolean();
            Key from = hotKeys.get(pair + (forward ? 0 : 1));
            Key to = hotKeys.get(pair + (forward ? 1 : 0));
            BigDecimal q = qty(random, 8);
            if (random.nextBoolean()) {
                add(lines, keys, signed, from, "ISSUE", q, random);
                add(lines, keys, signed, to, "RECEIPT", q, random);
            } else {
                add(lines, keys, signed, to, "RECEIPT", q, random);
                add(lines, keys, signed, from, "ISSUE", q, random);
            }
        } else {
            int n = 3 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                add(
                        lines,
                        keys,
                        signed,
                        pick(random),
                        random.nextBoolean() ? "RECEIPT" : "ISSUE",
                        qty(random, 6),
                        random);
            }
        }
        String idempotencyKey = random.nextBoolean() ? "LOAD-" + UUID.randomUUID() : null;
        try {
            PostingResult result = ledger.post(new PostingRequest(lines), idempotencyKey);
            for (int i = 0; i < keys.size(); i++) {
                outcome.acknowledged.merge(keys.get(i), signed.get(i), BigDecimal::add);
            }
            outcome.linesPerPosting.put(result.postingId(), result.movements().size());
            if (result.movements().size() != lines.size()) {
                outcome.unexpected.add(new AssertionError("posting " + result.postingId() + " answered "
                        + result.movements().size() + " of " + lines.size() + " lines"));
            }
            outcome.postings.incrementAndGet();
            if (transfer) {
                outcome.transfers.incrementAndGet();
            }
        } catch (InsufficientStockException e) {
            outcome.refusals.incrementAndGet();
        } catch (RuntimeException e) {
            outcome.unexpected.add(e);
        }
    }

    private void add(
            List<MovementRequest> lines,
            List<Key> keys,
            List<BigDecimal> signed,
            Key key,
            String type,
            BigDecimal qty,
            Random random) {
        boolean priced = type.equals("RECEIPT") && key.owner().equals("OWN") && random.nextInt(4) == 0;
        lines.add(key.line(type, qty, priced ? BigDecimal.valueOf(100 + random.nextInt(900), 2) : null, "LOAD"));
        keys.add(key);
        signed.add(type.equals("RECEIPT") ? qty : qty.negate());
    }

    private Key pick(Random random) {
        return hotKeys.get(random.nextInt(hotKeys.size()));
    }

    /** 1 … max, sometimes with a fraction, so four-decimal arithmetic is exercised too. */
    private static BigDecimal qty(Random random, int max) {
        BigDecimal whole = BigDecimal.valueOf(1 + random.nextInt(max));
        return random.nextInt(5) == 0 ? whole.add(new BigDecimal("0.25")) : whole;
    }

    private static Map<Long, Long> longs(Map<Long, Integer> m) {
        Map<Long, Long> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(k, v.longValue()));
        return out;
    }

    static void asUser(String username) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, AuthorityUtils.createAuthorityList("ROLE_WAREHOUSE")));
    }
}
