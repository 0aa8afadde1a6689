package org.openvmi.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A transfer with its lines and, once shipped, its difference report. {@code inTransitLocation} is the destination
 * warehouse's in-transit location the goods sit at between shipping and receiving.
 */
public record TransferView(
        long id,
        String status,
        String from,
        String fromWarehouse,
        String to,
        String toWarehouse,
        String inTransitLocation,
        String reference,
        String closeReason,
        String createdBy,
        Instant createdAt,
        Instant shippedAt,
        Instant finishedAt,
        long version,
        List<Line> lines,
        DifferenceReport differenceReport) {

    public record Line(
            int line,
            String item,
            String itemName,
            String uom,
            String owner,
            String lot,
            BigDecimal qty,
            BigDecimal shipped,
            BigDecimal received,
            BigDecimal open) {}

    /**
     * Per line shipped, received and difference (shipped − received). While the transfer is in transit the
     * difference is still on its way; once CLOSED it was written off the in-transit location as an ADJUST movement
     * with reason "transfer difference" ({@code writtenOff} true).
     */
    public record DifferenceReport(
            List<DifferenceLine> lines,
            BigDecimal shipped,
            BigDecimal received,
            BigDecimal difference,
            boolean writtenOff) {}

    public record DifferenceLine(
            int line,
            String item,
            String owner,
            String lot,
            BigDecimal shipped,
            BigDecimal received,
            BigDecimal difference) {}
}
