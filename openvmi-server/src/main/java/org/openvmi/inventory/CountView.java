package org.openvmi.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A count sheet. For a blind sheet that is still OPEN the book quantities are left out, so the counter counts what is
 * there rather than confirming a number. Once POSTED the variance report says what was posted.
 */
public record CountView(
        long id,
        String status,
        String warehouse,
        String location,
        String category,
        boolean blind,
        String reference,
        String createdBy,
        Instant createdAt,
        String postedBy,
        Instant postedAt,
        Long postingId,
        long version,
        List<Line> lines,
        VarianceReport varianceReport) {

    public record Line(
            int line,
            String item,
            String itemName,
            String uom,
            String location,
            String owner,
            String lot,
            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal book,
            BigDecimal counted,
            boolean found) {}

    /**
     * Per line: book when the sheet was made, book at posting, counted, and the variance posted as a COUNT movement
     * (counted − book at posting).
     */
    public record VarianceReport(List<VarianceLine> lines, int linesWithVariance, BigDecimal netVariance) {}

    public record VarianceLine(
            int line,
            String item,
            String location,
            String owner,
            String lot,
            BigDecimal bookAtCount,
            BigDecimal bookAtPosting,
            BigDecimal counted,
            BigDecimal variance) {}
}
