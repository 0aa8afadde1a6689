package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.LocationCommand;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.catalog.WarehouseCommand;
import org.openvmi.consignment.AgreementRequest;
import org.openvmi.consignment.Agreements;
import org.openvmi.consignment.ConsumptionRequest;
import org.openvmi.consignment.ConsumptionView;
import org.openvmi.consignment.Consumptions;
import org.openvmi.inventory.LedgerProbe.Key;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.ConflictException;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A randomized soak of the ledger through every way stock moves: direct postings of one and of several lines
 * (receipts, issues, consumptions of own stock, in any key order), transfer documents shipped and received, VMI
 * consumptions that pass consignment stock to the buyer, reservations made and released, with stock lines in force so
 * that postings raise and resolve alerts, and enough issues that many are refused. After every round (all clients
 * stopped) each stock key's balance must equal the sum of its ledger movements and the sum of what the clients were
 * told was accepted, reserved must equal the active reservations, reconcile must find no break, and the open alerts
 * must be exactly the lines the final stock breaches. On H2 (a file, as users run it) and on PostgreSQL; the rounds,
 * their length and the number of clients come from system properties so that {@code bench/run-ledger-soak.sh} can run
 * it for minutes (defaults: a short run for CI).
 */
abstract class LedgerSoakContract {

    static final int ROUNDS = Integer.getInteger("openvmi.soak.rounds", 3);
    static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("openvmi.soak.seconds", 4));
    static final int CLIENTS = Integer.getInteger("openvmi.soak.clients", 16);
    static final long SEED = Long.getLong("openvmi.soak.seed", System.nanoTime());

    @Autowired
    InventoryLedger ledger;

    @Autowired
    Transfers transfers;

    @Autowired
    Reservations reservations;

    @Autowired
    Consumptions consumptions;

    @Autowired
    Agreements agreements;

    @Autowired
    StockPolicies policies;

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

    @Autowired
    javax.sql.DataSource dataSource;

    LedgerTestData data;
    LedgerProbe probe;
    String farWarehouse;
    String farBin;
    String farTransit;
    Key ownBin1;
    Key ownBin2;
    Key lotBin1;
    Key lotBin2;
    Key consigned;
    Key ownAtVmi;
    Key farOwn;
    Key farInTransit;
    List<Key> allKeys;
    ExecutorService pool;

    /** What the clients were told: per key the acknowledged change, and the reservations still held. */
    static final class Told {
        final Map<Key, BigDecimal> delta = new ConcurrentHashMap<>();
        final Map<Key, BigDecimal> reserved = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        final List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());

        void add(Key key, BigDecimal signed) {
            delta.merge(key, signed, BigDecimal::add);
        }

        void count(String what) {
            counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
        }
    }

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        LedgerConcurrencyContract.asUser("t-admin");
        data = new LedgerTestData(items, warehouses, suppliers);
        probe = new LedgerProbe(jdbc);
        farWarehouse = Fixtures.unique("SW");
        farBin = farWarehouse + "-B1";
        farTransit = farWarehouse + "-TR";
        WarehouseCommand w = new WarehouseCommand();
        w.setCode(farWarehouse);
        w.setName("远端仓 " + farWarehouse);
        warehouses.create(w);
        location(farBin, LocationType.STORAGE);
        location(farTransit, LocationType.IN_TRANSIT);

        ownBin1 = new Key(data.item, data.bin1, "OWN", "");
        ownBin2 = new Key(data.item, data.bin2, "OWN", "");
        lotBin1 = new Key(data.lotItem, data.bin1, "OWN", "L1");
        lotBin2 = new Key(data.lotItem, data.bin2, "OWN", "L1");
        consigned = new Key(data.item, data.vmi, Fixtures.SUPPLIER_A, "");
        ownAtVmi = new Key(data.item, data.vmi, "OWN", "");
        farOwn = new Key(data.item, farBin, "OWN", "");
        farInTransit = new Key(data.item, farTransit, "OWN", "");
        allKeys = List.of(ownBin1, ownBin2, lotBin1, lotBin2, consigned, ownAtVmi, farOwn, farInTransit);

        agreements.create(new AgreementRequest(
                Fixtures.SUPPLIER_A,
                "CNY",
                new BigDecimal("8.50"),
                48,
                "MONTHLY",
                null,
                "UNTIL_CONSUMED",
                LocalDate.now().minusDays(1),
                null,
                null,
                null,
                null,
                List.of(new AgreementRequest.Line(
                        data.item, data.vmi, new BigDecimal("10"), new BigDecimal("200"), null, null, null, null))));
        for (String item : List.of(data.item, data.lotItem)) {
            for (String warehouse : List.of(data.warehouse, farWarehouse)) {
                StockPolicyCommand lines = new StockPolicyCommand();
                lines.setSafety(new BigDecimal("10"));
                lines.setWarning(new BigDecimal("30"));
                lines.setMax(new BigDecimal("120"));
                policies.put(item, warehouse, lines);
            }
        }
        ledger.post(
                new PostingRequest(List.of(
                        ownBin1.line("RECEIPT", new BigDecimal("50"), new BigDecimal("10.00"), "SOAK-SEED"),
                        ownBin2.line("RECEIPT", new BigDecimal("50"), null, "SOAK-SEED"),
                        lotBin1.line("RECEIPT", new BigDecimal("50"), null, "SOAK-SEED"),
                        lotBin2.line("RECEIPT", new BigDecimal("50"), null, "SOAK-SEED"),
                        consigned.line("RECEIPT", new BigDecimal("40"), null, "SOAK-SEED"))),
                null);
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS))
                .as("client threads stopped")
                .isTrue();
    }

    @Test
    void every_round_of_mixed_concurrent_work_leaves_balances_equal_to_the_ledger_and_to_the_accepted_answers()
            throws Exception {
        System.out.printf(
                "%s: seed %d, %d rounds × %d s, %d clients%n",
                getClass().getSimpleName(), SEED, ROUNDS, ROUND.toSeconds(), CLIENTS);
        Map<Key, BigDecimal> start = new java.util.HashMap<>();
        for (Key k : allKeys) {
            start.put(k, probe.onHand(k));
        }
        Told told = new Told();
        for (int round = 1; round <= ROUNDS; round++) {
            runRound(round, told);
            String where = "round " + round + " (seed " + SEED + ")";
            assertThat(told.unexpected)
                    .as("%s: only refusals (409) may reach a client", where)
                    .isEmpty();
            for (Key k : allKeys) {
                BigDecimal expected = start.get(k).add(told.delta.getOrDefault(k, BigDecimal.ZERO));
                assertThat(probe.onHand(k))
                        .as("%s: balance of %s = Σ accepted answers", where, k)
                        .isEqualByComparingTo(expected);
                assertThat(probe.ledgerSum(k))
                        .as("%s: Σ ledger of %s = Σ accepted answers", where, k)
                        .isEqualByComparingTo(expected);
                BigDecimal held = told.reserved.getOrDefault(k, BigDecimal.ZERO);
                assertThat(activeReservations(k))
                        .as("%s: active reservations of %s = reservations the clients hold", where, k)
                        .isEqualByComparingTo(held);
                assertThat(reservedColumn(k))
                        .as("%s: reserved of %s = reservations the clients hold", where, k)
                        .isEqualByComparingTo(held);
            }
            ReconcileReport report = queries.reconcile();
            assertThat(report.breaks()).as("%s: reconcile breaks", where).isEmpty();
            assertOpenAlertsMatchTheLines(where);
            System.out.printf(
                    "%s: round %d: %d movements, %s%n",
                    getClass().getSimpleName(),
                    round,
                    jdbc.sql("SELECT COUNT(*) FROM stock_movement")
                            .query(Long.class)
                            .single(),
                    fileSize());
        }
        System.out.printf("%s: %s%n", getClass().getSimpleName(), new java.util.TreeMap<>(told.counts));
        assertThat(told.counts.getOrDefault("refused", new AtomicLong()).get())
                .as("refusals happened")
                .isPositive();
        assertThat(told.counts.getOrDefault("multi-line", new AtomicLong()).get())
                .as("multi-line postings")
                .isPositive();
        assertThat(told.counts.getOrDefault("transfer", new AtomicLong()).get())
                .as("transfers shipped")
                .isPositive();
        assertThat(told.counts.getOrDefault("consumption", new AtomicLong()).get())
                .as("consumptions")
                .isPositive();
        assertThat(told.counts.getOrDefault("reserve", new AtomicLong()).get())
                .as("reservations")
                .isPositive();
    }

    private void runRound(int round, Told told) throws Exception {
        long deadline = System.nanoTime() + ROUND.toNanos();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(SEED * 31 + round * 1_000L + c);
            clients.add(pool.submit(() -> {
                LedgerConcurrencyContract.asUser("t-warehouse");
                go.await();
                ConcurrentLinkedQueue<Long> held = new ConcurrentLinkedQueue<>();
                while (System.nanoTime() < deadline) {
                    step(random, told, held);
                }
                // a client gives back about half of what it still holds, so rounds start with some reservations
                for (Long id : held) {
                    if (random.nextBoolean()) {
                        release(id, told);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : clients) {
            f.get(ROUND.toSeconds() + 120, TimeUnit.SECONDS);
        }
    }

    private void step(Random random, Told told, ConcurrentLinkedQueue<Long> held) {
        int dice = random.nextInt(100);
        try {
            if (dice < 22) {
                single(random, told);
            } else if (dice < 50) {
                multi(random, told);
            } else if (dice < 62) {
                transfer(random, told);
            } else if (dice < 74) {
                consume(random, told);
            } else if (dice < 80) {
                replenishConsignment(random, told);
            } else if (dice < 90) {
                reserve(random, told, held);
            } else {
                Long id = held.poll();
                if (id != null) {
                    release(id, told);
                }
            }
        } catch (ConflictException e) {
            // InsufficientStockException and the documents' insufficient-stock refusals: 409, nothing changed
            told.count("refused");
        } catch (RuntimeException e) {
            told.unexpected.add(e);
        }
    }

    /** One line: a receipt, an issue or a consumption of own stock. */
    private void single(Random random, Told told) {
        Key key = pick(random, ownBin1, ownBin2, lotBin1, lotBin2);
        String type = random.nextInt(3) == 0 ? "RECEIPT" : random.nextBoolean() ? "ISSUE" : "CONSUME";
        BigDecimal q = qty(random, 6);
        post(List.of(key.line(type, q, null, "SOAK")), List.of(key), List.of(signed(type, q)), random, told);
        told.count("single");
    }

    /** Two to four lines in any key order, among them the mix that drifted on H2: [ISSUE A, RECEIPT B]. */
    private void multi(Random random, Told told) {
        int n = 2 + random.nextInt(3);
        List<MovementRequest> lines = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        List<BigDecimal> signed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Key key = pick(random, ownBin1, ownBin2, lotBin1, lotBin2);
            String type = random.nextInt(5) < 3 ? "ISSUE" : "RECEIPT";
            BigDecimal q = qty(random, 5);
            lines.add(key.line(type, q, null, "SOAK"));
            keys.add(key);
            signed.add(signed(type, q));
        }
        post(lines, keys, signed, random, told);
        told.count("multi-line");
    }

    private void post(List<MovementRequest> lines, List<Key> keys, List<BigDecimal> signed, Random random, Told told) {
        String idempotencyKey = random.nextInt(3) == 0 ? "SOAK-" + UUID.randomUUID() : null;
        PostingResult result = ledger.post(new PostingRequest(lines), idempotencyKey);
        if (idempotencyKey != null && random.nextInt(4) == 0) {
            // a client retrying after a lost answer: the same answer, nothing posted twice
            PostingResult again = ledger.post(new PostingRequest(lines), idempotencyKey);
            if (!again.equals(result)) {
                told.unexpected.add(new AssertionError("a retry with key " + idempotencyKey + " answered differently"));
            }
        }
        if (result.movements().size() != lines.size()) {
            told.unexpected.add(new AssertionError("posting " + result.postingId() + " answered "
                    + result.movements().size() + " of " + lines.size() + " lines"));
        }
        for (int i = 0; i < keys.size(); i++) {
            told.add(keys.get(i), signed.get(i));
        }
    }

    /** A transfer of own stock to the far warehouse: created and shipped, and most of the time received in full. */
    private void transfer(Random random, Told told) {
        BigDecimal q = qty(random, 5);
        TransferView created = transfers.create(
                new TransferRequest(
                        data.bin1, farBin, "SOAK", List.of(new TransferRequest.Line(data.item, "OWN", null, q))),
                null);
        transfers.ship(created.id(), null);
        told.add(ownBin1, q.negate());
        told.add(farInTransit, q);
        told.count("transfer");
        if (random.nextInt(4) > 0) {
            transfers.receive(
                    created.id(),
                    new TransferReceiptRequest(List.of(new TransferReceiptRequest.Line(data.item, "OWN", null, q))),
                    null);
            told.add(farInTransit, q.negate());
            told.add(farOwn, q);
        }
        if (random.nextInt(3) == 0) {
            // stock leaves the far warehouse again, so that it does not only grow
            Key from = farOwn;
            BigDecimal out = qty(random, 4);
            post(List.of(from.line("ISSUE", out, null, "SOAK")), List.of(from), List.of(out.negate()), random, told);
        }
    }

    /** A VMI consumption at the VMI zone: consignment passes to the buyer and is consumed in one transaction. */
    private void consume(Random random, Told told) {
        ConsumptionView view = consumptions.consume(
                new ConsumptionRequest(data.item, data.vmi, qty(random, 4), "SOAK"),
                random.nextInt(3) == 0 ? "SOAK-C-" + UUID.randomUUID() : null);
        for (ConsumptionView.Pick p : view.picks()) {
            // ownership transfer −q supplier / +q OWN, then CONSUME −q OWN: the supplier's key loses q, OWN nets 0
            told.add("OWN".equals(p.owner()) ? ownAtVmi : consigned, p.qty().negate());
        }
        told.count("consumption");
    }

    private void replenishConsignment(Random random, Told told) {
        BigDecimal q = qty(random, 8);
        post(List.of(consigned.line("RECEIPT", q, null, "SOAK-ASN")), List.of(consigned), List.of(q), random, told);
        told.count("consignment receipt");
    }

    private void reserve(Random random, Told told, ConcurrentLinkedQueue<Long> held) {
        Key key = pick(random, ownBin1, ownBin2, lotBin1);
        BigDecimal q = qty(random, 4);
        ReservationView r = reservations.reserve(
                new ReservationRequest(
                        key.item(),
                        key.location(),
                        "OWN",
                        key.lot().isEmpty() ? null : key.lot(),
                        q,
                        "SOAK-ORDER",
                        null,
                        null),
                null);
        told.reserved.merge(key, q, BigDecimal::add);
        held.add(r.id());
        told.count("reserve");
    }

    private void release(long id, Told told) {
        ReservationView r = reservations.release(id);
        Key key = new Key(r.item(), r.location(), r.owner(), r.lot() == null ? "" : r.lot());
        told.reserved.merge(key, r.qty().negate(), BigDecimal::add);
        told.count("release");
    }

    private void assertOpenAlertsMatchTheLines(String where) {
        // lines 10 / 30 / 120 everywhere: the open line alerts of each item × warehouse follow from its stock alone:
        // exactly one at the right level when stock breaches a line, none otherwise
        for (String item : List.of(data.item, data.lotItem)) {
            for (String warehouse : List.of(data.warehouse, farWarehouse)) {
                BigDecimal onHand = jdbc.sql("""
                        SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id
                        JOIN location l ON l.id = b.location_id JOIN warehouse w ON w.id = l.warehouse_id
                        WHERE i.code = :item AND w.code = :warehouse AND l.type <> 'IN_TRANSIT'""")
                        .param("item", item)
                        .param("warehouse", warehouse)
                        .query(BigDecimal.class)
                        .single();
                List<String> open = jdbc.sql("""
                        SELECT a.alert_type FROM stock_alert a JOIN item i ON i.id = a.item_id
                        JOIN warehouse w ON w.id = a.warehouse_id
                        WHERE i.code = :item AND w.code = :warehouse AND a.status <> 'RESOLVED' ORDER BY a.alert_type""")
                        .param("item", item)
                        .param("warehouse", warehouse)
                        .query(String.class)
                        .list();
                List<String> expected = new ArrayList<>();
                if (onHand.compareTo(new BigDecimal("120")) > 0) {
                    expected.add("ABOVE_MAX");
                }
                // one below-alert at the most severe line crossed (ADR 0010 addendum), none inside the lines
                if (onHand.signum() <= 0) {
                    expected.add("STOCKOUT");
                } else if (onHand.compareTo(new BigDecimal("10")) < 0) {
                    expected.add("BELOW_SAFETY");
                } else if (onHand.compareTo(new BigDecimal("30")) < 0) {
                    expected.add("BELOW_WARNING");
                }
                assertThat(open)
                        .as("%s: open alerts of %s in %s at stock %s", where, item, warehouse, onHand)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    /** The embedded database's file size (H2 only), for the bench's figures. */
    private String fileSize() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getURL().startsWith("jdbc:h2:file:")) {
                return "not a file database";
            }
            String path =
                    c.getMetaData().getURL().substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db";
            String fill = jdbc.sql("SELECT SETTING_NAME || '=' || SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                            + "WHERE SETTING_NAME LIKE 'info.%FILL%' OR SETTING_NAME LIKE 'info.CHUNK%'")
                    .query(String.class)
                    .list()
                    .toString();
            return "H2 file " + java.nio.file.Files.size(java.nio.file.Path.of(path)) / 1024 + " KB " + fill;
        } catch (java.sql.SQLException | java.io.IOException e) {
            return "file size unknown (" + e + ")";
        }
    }

    private BigDecimal reservedColumn(Key k) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(b.reserved), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id
                JOIN location l ON l.id = b.location_id
                WHERE i.code = :item AND l.code = :location AND b.owner = :owner AND b.lot = :lot""")
                .param("item", k.item())
                .param("location", k.location())
                .param("owner", k.owner())
                .param("lot", k.lot())
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal activeReservations(Key k) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(r.qty), 0) FROM stock_reservation r JOIN item i ON i.id = r.item_id
                JOIN location l ON l.id = r.location_id
                WHERE i.code = :item AND l.code = :location AND r.owner = :owner AND r.lot = :lot
                  AND r.status = 'ACTIVE'""")
                .param("item", k.item())
                .param("location", k.location())
                .param("owner", k.owner())
                .param("lot", k.lot())
                .query(BigDecimal.class)
                .single();
    }

    private void location(String code, LocationType type) {
        LocationCommand l = new LocationCommand();
        l.setCode(code);
        l.setType(type);
        warehouses.createLocation(farWarehouse, l);
    }

    private static Key pick(Random random, Key... keys) {
        return keys[random.nextInt(keys.length)];
    }

    private static BigDecimal signed(String type, BigDecimal q) {
        return type.equals("RECEIPT") ? q : q.negate();
    }

    private static BigDecimal qty(Random random, int max) {
        return BigDecimal.valueOf(1 + random.nextInt(max));
    }
}
