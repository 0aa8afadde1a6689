package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A posted consumption: which lots of which owners it took (FIFO), and the settlement line of every quantity whose
 * ownership passed to the buyer (kind CONSUMPTION; STAGED lines when the rest fell below the safety line).
 */
public record ConsumptionView(
        long id,
        String item,
        String location,
        BigDecimal qty,
        String reference,
        long postingId,
        Instant consumedAt,
        List<Pick> picks,
        List<Settled> settled) {

    public record Pick(String owner, String lot, BigDecimal qty) {}

    public record Settled(
            String supplier,
            String kind,
            String lot,
            BigDecimal qty,
            BigDecimal price,
            BigDecimal amount,
            String currency,
            long agreementId,
            int agreementVersion) {}
}
