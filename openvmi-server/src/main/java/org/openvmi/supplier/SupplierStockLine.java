package org.openvmi.supplier;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * One supplier item's stock as a supplier reports it (a line of {@code POST /supplier-stock}, a row of the upload
 * file, the portal's edit form). {@code leadTimeDays} is the production lead time; {@code inProduction} is ready on
 * {@code availableFrom}. A blank {@code lowWater} keeps the stored mark; a blank {@code asOf} means now.
 */
public class SupplierStockLine {

    @NotBlank
    @Size(max = 64)
    private String item;

    @NotNull
    @PositiveOrZero
    @Digits(integer = 15, fraction = 4)
    private BigDecimal available;

    @PositiveOrZero
    @Digits(integer = 15, fraction = 4)
    private BigDecimal inProduction;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate availableFrom;

    @PositiveOrZero
    @Max(3650)
    private Integer leadTimeDays;

    @PositiveOrZero
    @Digits(integer = 15, fraction = 4)
    private BigDecimal lowWater;

    private OffsetDateTime asOf;

    public SupplierStockLine() {}

    public SupplierStockLine(String item, BigDecimal available) {
        this.item = item;
        this.available = available;
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item == null ? null : item.trim();
    }

    public BigDecimal getAvailable() {
        return available;
    }

    public void setAvailable(BigDecimal available) {
        this.available = available;
    }

    public BigDecimal getInProduction() {
        return inProduction;
    }

    public void setInProduction(BigDecimal inProduction) {
        this.inProduction = inProduction;
    }

    public LocalDate getAvailableFrom() {
        return availableFrom;
    }

    public void setAvailableFrom(LocalDate availableFrom) {
        this.availableFrom = availableFrom;
    }

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    public void setLeadTimeDays(Integer leadTimeDays) {
        this.leadTimeDays = leadTimeDays;
    }

    public BigDecimal getLowWater() {
        return lowWater;
    }

    public void setLowWater(BigDecimal lowWater) {
        this.lowWater = lowWater;
    }

    public OffsetDateTime getAsOf() {
        return asOf;
    }

    public void setAsOf(OffsetDateTime asOf) {
        this.asOf = asOf;
    }
}
