package org.openvmi.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** ABC by consumption value × XYZ by weekly demand variability: every item's class and the matrix counts. */
public record AbcReport(LocalDate from, LocalDate to, List<ItemClass> items, List<Cell> matrix) {

    public record ItemClass(String item, BigDecimal issueCost, BigDecimal cv, String abc, String xyz) {}

    public record Cell(String abc, String xyz, long items, BigDecimal issueCost) {}
}
