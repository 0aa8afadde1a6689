package org.openvmi.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openvmi.security.Role;
import org.openvmi.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many receipts for the same PO line at once: together they never pass ordered × (1 + over-delivery tolerance), the
 * refused ones post nothing, and the ledger holds exactly what the line says was received.
 */
abstract class ReceiptConcurrencyContract extends ProcurementApiSupport {

    static final int THREADS = 8;

    @Autowired
    Receipts receipts;

    @Test
    void concurrent_receipts_for_one_po_line_never_over_receive_beyond_the_tolerance() throws Exception {
        tolerance(data.yuan, "\"overPct\":5").andExpect(status().isOk());
        long po = order(approvedRequisition(data.yuan, "100"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                Callable<Boolean> receipt = () -> {
                    start.await();
                    try {
                        receipts.receive(new ReceiptRequest(
                                po,
                                data.receiving,
                                null,
                                List.of(new ReceiptRequest.Line(
                                        null, data.yuan, null, new BigDecimal("20"), null, null))));
                        return true;
                    } catch (BusinessRuleException | org.openvmi.shared.InvalidInputException refused) {
                        // refused either as beyond the tolerance (line still open) or as a line already closed
                        // by the fifth receipt: which one depends on when this thread gets the line's lock
                        return false;
                    }
                };
                results.add(pool.submit(receipt));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> f : results) {
                if (f.get(60, TimeUnit.SECONDS)) {
                    accepted++;
                }
            }
            // 100 ordered, 105 allowed: five receipts of 20 fit, a sixth would make 120
            assertThat(accepted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(received(po)).isEqualByComparingTo("100");
        assertThat(onHand(data.yuan)).isEqualByComparingTo("100");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM proc_receipt WHERE po_id = :po")
                        .param("po", po)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
        read(org.openvmi.testsupport.Fixtures.as(Role.FINANCE), "/api/v1/stock/reconcile")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.ok")
                        .value(true));
    }
}
