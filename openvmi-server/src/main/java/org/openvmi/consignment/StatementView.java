package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A settlement statement of one supplier and period: its consumption lines (each quantity × the price of the
 * agreement version in force), totals by item, tax when a rate was given, and its state.
 */
public record StatementView(
        long id,
        String supplier,
        String supplierName,
        LocalDate from,
        LocalDate to,
        String status,
        String currency,
        BigDecimal total,
        BigDecimal taxRate,
        BigDecimal tax,
        BigDecimal totalWithTax,
        String comment,
        String createdBy,
        Instant createdAt,
        Instant issuedAt,
        String answeredBy,
        Instant answeredAt,
        Instant closedAt,
        List<Line> lines,
        List<ItemTotal> items) {

    public record Line(
            long id,
            String kind,
            Instant occurredAt,
            String item,
            String itemName,
            String location,
            String lot,
            BigDecimal qty,
            BigDecimal price,
            BigDecimal amount,
            long agreementId,
            int agreementVersion,
            String reference,
            boolean carriedOver,
            String comment) {}

    public record ItemTotal(String item, String itemName, BigDecimal qty, BigDecimal amount) {}
}
