package org.openvmi.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Value of stock by age of its FIFO receipt layers, per owner ({@code OWN} or a supplier code), as of a day. */
public record AgingReport(LocalDate asOf, List<OwnerAging> owners) {

    public record OwnerAging(
            String owner,
            BigDecimal d0to30,
            BigDecimal d31to90,
            BigDecimal d91to180,
            BigDecimal d181to365,
            BigDecimal over365,
            BigDecimal total) {}
}
