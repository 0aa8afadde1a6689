package org.openvmi.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.ItemCatalog;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.WarehouseCatalog;
import org.openvmi.inventory.LedgerProbe.Key;
import org.openvmi.security.UserDirectory;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.testsupport.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's two ways in decide what a caller may post: people and integrations ({@code post}, codes) only the
 * types posted directly; the features' documents ({@code record}, ids, inside their own transaction) any type, with
 * the same rules on every line. On H2 and PostgreSQL, through the service.
 */
abstract class LedgerEntryPointsContract {

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

    @Autowired
    PlatformTransactionManager transactionManager;

    LedgerTestData data;
    LedgerProbe probe;
    TransactionTemplate tx;
    long item;
    long lotItem;
    long vmi;
    long supplierA;

    @BeforeEach
    void setUp() {
        Fixtures.ensure(jdbc, users);
        data = new LedgerTestData(items, warehouses, suppliers);
        probe = new LedgerProbe(jdbc);
        tx = new TransactionTemplate(transactionManager);
        item = id("SELECT id FROM item WHERE code = :c", data.item);
        lotItem = id("SELECT id FROM item WHERE code = :c", data.lotItem);
        vmi = id("SELECT id FROM location WHERE code = :c", data.vmi);
        supplierA = id("SELECT id FROM supplier WHERE code = :c", Fixtures.SUPPLIER_A);
    }

    private long id(String sql, String code) {
        return jdbc.sql(sql).param("c", code).query(Long.class).single();
    }

    @Test
    void a_feature_records_consignment_receipt_and_ownership_transfer_by_id_with_the_owners_code_in_the_answer() {
        PostingResult result = tx.execute(s -> ledger.record(List.of(
                LedgerLine.of(
                        MovementType.RECEIPT, item, vmi, supplierA, null, new BigDecimal("10"), "VMI receipt", "ASN-T"),
                LedgerLine.of(
                        MovementType.OWNERSHIP_TRANSFER,
                        item,
                        vmi,
                        supplierA,
                        null,
                        new BigDecimal("-4"),
                        "to buyer",
                        "ASN-T"),
                LedgerLine.of(
                        MovementType.OWNERSHIP_TRANSFER,
                        item,
                        vmi,
                        null,
                        null,
                        new BigDecimal("4"),
                        "from supplier",
                        "ASN-T"))));

        assertThat(result.movements())
                .extracting(MovementView::type, MovementView::owner, MovementView::item, MovementView::location)
                .containsExactly(
                        tuple("RECEIPT", Fixtures.SUPPLIER_A, data.item, data.vmi),
                        tuple("OWNERSHIP_TRANSFER", Fixtures.SUPPLIER_A, data.item, data.vmi),
                        tuple("OWNERSHIP_TRANSFER", "OWN", data.item, data.vmi));
        assertThat(probe.onHand(new Key(data.item, data.vmi, Fixtures.SUPPLIER_A, "")))
                .isEqualByComparingTo("6");
        assertThat(probe.onHand(new Key(data.item, data.vmi, "OWN", ""))).isEqualByComparingTo("4");
        Long ownerId = jdbc.sql("""
                SELECT b.owner_supplier_id FROM stock_balance b WHERE b.item_id = :i AND b.location_id = :l
                AND b.owner = :o""")
                .param("i", item)
                .param("l", vmi)
                .param("o", Fixtures.SUPPLIER_A)
                .query(Long.class)
                .single();
        assertThat(ownerId).isEqualTo(supplierA);
    }

    @Test
    void record_runs_only_inside_the_callers_transaction() {
        assertThatThrownBy(() -> ledger.record(List.of(
                        LedgerLine.of(MovementType.RECEIPT, item, vmi, null, null, BigDecimal.ONE, null, "NO-TX"))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(probe.onHand(new Key(data.item, data.vmi, "OWN", ""))).isEqualByComparingTo("0");
    }

    @Test
    void record_names_every_bad_line_as_the_rest_path_does_and_writes_nothing() {
        long before = postings();
        assertThatThrownBy(() -> tx.execute(s -> ledger.record(List.of(
                        LedgerLine.of(
                                MovementType.RECEIPT, Long.MAX_VALUE, vmi, null, null, BigDecimal.ONE, null, "BAD"),
                        LedgerLine.of(MovementType.ISSUE, item, vmi, null, null, new BigDecimal("-1"), null, "BAD"),
                        LedgerLine.of(MovementType.RECEIPT, lotItem, vmi, null, null, BigDecimal.ONE, null, "BAD"),
                        new LedgerLine(
                                MovementType.ISSUE, item, vmi, null, null, BigDecimal.ONE, BigDecimal.TEN, null, "BAD"),
                        LedgerLine.of(null, item, vmi, Long.MAX_VALUE, null, BigDecimal.ONE, null, "BAD")))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldErrors.FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "lines[0].item",
                                        "lines[1].qty",
                                        "lines[2].lot",
                                        "lines[3].unitCost",
                                        "lines[4].type",
                                        "lines[4].owner"));
        assertThat(postings()).isEqualTo(before);
    }

    @Test
    void record_keeps_the_no_negative_stock_guarantee() {
        assertThatThrownBy(() -> tx.execute(s -> ledger.record(List.of(LedgerLine.of(
                        MovementType.COUNT, item, vmi, null, null, new BigDecimal("-3"), "count", "CNT-T")))))
                .isInstanceOf(InsufficientStockException.class);
        assertThat(probe.onHand(new Key(data.item, data.vmi, "OWN", ""))).isEqualByComparingTo("0");
    }

    @Test
    void people_may_post_neither_document_types_nor_consume_consignment_stock() {
        Key own = new Key(data.item, data.vmi, "OWN", "");
        Key consigned = new Key(data.item, data.vmi, Fixtures.SUPPLIER_A, "");
        for (String type : List.of("TRANSFER_IN", "TRANSFER_OUT", "COUNT", "OWNERSHIP_TRANSFER", "OPENING")) {
            assertThatThrownBy(() ->
                            ledger.post(new PostingRequest(List.of(own.line(type, BigDecimal.ONE, null, "P"))), null))
                    .as(type)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldErrors.FieldError::field)
                                    .containsExactly("lines[0].type"));
        }
        assertThatThrownBy(() -> ledger.post(
                        new PostingRequest(List.of(consigned.line("CONSUME", BigDecimal.ONE, null, "P"))), null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldErrors.FieldError::field)
                                .containsExactly("lines[0].owner"));
        assertThat(probe.onHand(own)).isEqualByComparingTo("0");
    }

    private long postings() {
        return jdbc.sql("SELECT COUNT(*) FROM stock_posting").query(Long.class).single();
    }
}
