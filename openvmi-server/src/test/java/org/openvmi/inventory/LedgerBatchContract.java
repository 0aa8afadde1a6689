package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.ItemCommand;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerProbe.Key;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the ledger's fast paths must not change: large postings (several multi-row inserts, one batch of balance
 * updates) answer every line with its own movement, a refusal names what was available to the refused line, and
 * cached master data never decides the negative-stock rule. On H2 and PostgreSQL, through the service.
 */
abstract class LedgerBatchContract {

    @Autowired
    InventoryLedger ledger;

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

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
        probe = new LedgerProbe(jdbc);
    }

    @Test
    void a_posting_of_600_lines_answers_each_line_with_its_own_movement_in_request_order() {
        List<Key> keys = List.of(
                new Key(data.item, data.bin1, "OWN", ""),
                new Key(data.item, data.bin2, "OWN", ""),
                new Key(data.lotItem, data.bin1, "OWN", "L7"),
                new Key(data.item, data.vmi, Fixtures.SUPPLIER_A, ""));
        List<MovementRequest> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            // every line distinguishable by its quantity and reference; keys interleaved, so key order ≠ line order
            lines.add(keys.get(i % keys.size()).line("RECEIPT", BigDecimal.valueOf(i + 1, 2), null, "L-" + i));
        }
        PostingResult result = ledger.post(new PostingRequest(lines), null);

        assertThat(result.movements()).hasSize(600);
        for (int i = 0; i < 600; i++) {
            MovementView m = result.movements().get(i);
            assertThat(m.reference()).as("answer %d", i).isEqualTo("L-" + i);
            assertThat(m.qty()).as("answer %d", i).isEqualByComparingTo(BigDecimal.valueOf(i + 1, 2));
            var stored = jdbc.sql("SELECT qty, reference, posting_id FROM stock_movement WHERE id = :id")
                    .param("id", m.id())
                    .query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getString(2), rs.getLong(3)))
                    .single();
            assertThat((BigDecimal) stored.get(0))
                    .as("stored movement %d of line %d", m.id(), i)
                    .isEqualByComparingTo(BigDecimal.valueOf(i + 1, 2));
            assertThat(stored.get(1)).isEqualTo("L-" + i);
            assertThat(stored.get(2)).isEqualTo(result.postingId());
        }
        assertThat(result.movements().stream().map(MovementView::id).distinct()).hasSize(600);
        BigDecimal total = BigDecimal.ZERO;
        for (Key k : keys) {
            total = total.add(probe.onHand(k));
            assertThat(probe.onHand(k)).as("balance of %s", k).isEqualByComparingTo(probe.ledgerSum(k));
        }
        // Σ 0.01 … 6.00 = 600 · 601 / 2 / 100
        assertThat(total).isEqualByComparingTo("1803");
    }

    @Test
    void a_refused_line_names_what_was_available_to_it_even_when_later_lines_of_its_key_were_applied() {
        Key k = new Key(data.item, data.bin1, "OWN", "");
        Key other = new Key(data.item, data.bin2, "OWN", "");
        ledger.post(new PostingRequest(List.of(k.line("RECEIPT", new BigDecimal("10"), null, "SEED"))), null);
        List<MovementRequest> lines = List.of(
                other.line("RECEIPT", new BigDecimal("5"), null, "X"),
                k.line("ISSUE", new BigDecimal("4"), null, "X"),
                k.line("ISSUE", new BigDecimal("8"), null, "X"),
                k.line("RECEIPT", new BigDecimal("100"), null, "X"));

        assertThatThrownBy(() -> ledger.post(new PostingRequest(lines), null))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[2].qty");
                    assertThat(e.available()).isEqualByComparingTo("6");
                    assertThat(e.requested()).isEqualByComparingTo("8");
                });
        assertThat(probe.onHand(k)).isEqualByComparingTo("10");
        assertThat(probe.onHand(other)).isZero();
        assertThat(probe.ledgerSum(k)).isEqualByComparingTo("10");
    }

    @Test
    void switching_a_location_to_allow_or_forbid_negative_stock_applies_to_the_next_posting_despite_the_cache() {
        Key k = new Key(data.item, data.bin2, "OWN", "");
        PostingRequest issue = new PostingRequest(List.of(k.line("ISSUE", new BigDecimal("3"), null, "NEG")));
        assertThatThrownBy(() -> ledger.post(issue, null)).isInstanceOf(InsufficientStockException.class);

        allowNegative(data.bin2, true);
        ledger.post(issue, null);
        assertThat(probe.onHand(k)).isEqualByComparingTo("-3");

        allowNegative(data.bin2, false);
        assertThatThrownBy(() -> ledger.post(issue, null)).isInstanceOf(InsufficientStockException.class);
        assertThat(probe.onHand(k)).isEqualByComparingTo("-3");
        // back to zero: reconcile (shared by the tests of this database) reports negative stock where it is forbidden
        ledger.post(new PostingRequest(List.of(k.line("RECEIPT", new BigDecimal("3"), null, "NEG"))), null);
        assertThat(probe.onHand(k)).isZero();
    }

    @Test
    void an_item_created_after_a_posting_named_it_unknown_can_be_posted_at_once() {
        String code = Fixtures.unique("LATE");
        PostingRequest receipt = new PostingRequest(List.of(
                new MovementRequest("RECEIPT", code, data.bin1, null, null, BigDecimal.ONE, null, null, "LATE")));
        assertThatThrownBy(() -> ledger.post(receipt, null)).isInstanceOf(InvalidInputException.class);

        ItemCommand c = new ItemCommand();
        c.setCode(code);
        c.setName("late item");
        c.setUom("PCS");
        items.create(c);
        assertThat(ledger.post(receipt, null).movements()).hasSize(1);
    }

    /**
     * Postings of many distinct keys (on PostgreSQL: one set-based statement for their balance rows, ADR 0083) from
     * four callers at once, each in its own random line order over the same keys: the rows are locked in stock-key
     * order whatever the line order (no deadlock reaches anyone; a deadlock would be retried, but the first version
     * of that statement deadlocked on every other posting), no unit is lost or counted twice, nothing goes negative.
     */
    @Test
    void concurrent_postings_of_many_distinct_keys_in_any_line_order_lose_no_unit_and_never_go_negative()
            throws Exception {
        String lots = "MK" + Fixtures.unique("").replaceAll("[^A-Za-z0-9]", "");
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            keys.add(new Key(data.lotItem, i % 2 == 0 ? data.bin1 : data.bin2, "OWN", lots + "-" + i));
        }
        List<MovementRequest> seed = new ArrayList<>();
        for (Key k : keys) {
            seed.add(k.line("RECEIPT", new BigDecimal("40"), null, "SEED"));
        }
        ledger.post(new PostingRequest(seed), null);

        java.util.Map<Key, BigDecimal> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong posted = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                long seedOfCaller = 31L * (c + 1);
                callers.add(pool.submit(() -> {
                    LedgerConcurrencyContract.asUser("t-warehouse");
                    start.await();
                    java.util.Random random = new java.util.Random(seedOfCaller);
                    for (int n = 0; n < 40; n++) {
                        List<Key> picked = new ArrayList<>(keys);
                        java.util.Collections.shuffle(picked, random);
                        picked = picked.subList(0, 9 + random.nextInt(keys.size() - 8));
                        List<MovementRequest> lines = new ArrayList<>();
                        List<BigDecimal> signed = new ArrayList<>();
                        for (Key k : picked) {
                            BigDecimal q = BigDecimal.valueOf(1 + random.nextInt(9));
                            boolean issue = random.nextInt(20) < 11;
                            lines.add(k.line(issue ? "ISSUE" : "RECEIPT", q, null, "MANY"));
                            signed.add(issue ? q.negate() : q);
                        }
                        try {
                            ledger.post(
                                    new PostingRequest(lines),
                                    random.nextBoolean() ? null : "MANY-" + n + "-" + java.util.UUID.randomUUID());
                            for (int i = 0; i < picked.size(); i++) {
                                acknowledged.merge(picked.get(i), signed.get(i), BigDecimal::add);
                            }
                            posted.incrementAndGet();
                        } catch (InsufficientStockException e) {
                            refused.incrementAndGet();
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : callers) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).as("only 409s reach a caller").isEmpty();
        assertThat(posted.get()).as("postings acknowledged").isGreaterThan(20);
        assertThat(refused.get()).as("postings refused: the keys ran low").isPositive();
        for (Key k : keys) {
            BigDecimal expected = new BigDecimal("40").add(acknowledged.getOrDefault(k, BigDecimal.ZERO));
            assertThat(probe.onHand(k))
                    .as("balance of %s = seed + Σ acknowledged", k)
                    .isEqualByComparingTo(expected);
            assertThat(probe.ledgerSum(k))
                    .as("ledger of %s = seed + Σ acknowledged", k)
                    .isEqualByComparingTo(expected);
            assertThat(probe.onHand(k)).as("balance of %s", k).isNotNegative();
        }
    }

    @Test
    void a_refused_line_among_many_distinct_keys_names_what_was_available_to_it_and_changes_nothing() {
        String lots = "RF" + Fixtures.unique("").replaceAll("[^A-Za-z0-9]", "");
        List<Key> keys = new ArrayList<>();
        List<MovementRequest> seed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Key k = new Key(data.lotItem, data.bin1, "OWN", lots + "-" + i);
            keys.add(k);
            seed.add(k.line("RECEIPT", new BigDecimal("5"), null, "SEED"));
        }
        ledger.post(new PostingRequest(seed), null);
        List<MovementRequest> lines = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            lines.add(keys.get(i).line("ISSUE", new BigDecimal(i == 7 ? "7" : "1"), null, "X"));
        }

        assertThatThrownBy(() -> ledger.post(new PostingRequest(lines), null))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[7].qty");
                    assertThat(e.available()).isEqualByComparingTo("5");
                    assertThat(e.requested()).isEqualByComparingTo("7");
                });
        for (Key k : keys) {
            assertThat(probe.onHand(k)).as("balance of %s", k).isEqualByComparingTo("5");
            assertThat(probe.ledgerSum(k)).as("ledger of %s", k).isEqualByComparingTo("5");
        }
    }

    private void allowNegative(String location, boolean allow) {
        LocationCommand c = LocationCommand.from(warehouses.location(data.warehouse, location));
        c.setAllowNegative(allow);
        warehouses.updateLocation(data.warehouse, location, c);
    }
}
