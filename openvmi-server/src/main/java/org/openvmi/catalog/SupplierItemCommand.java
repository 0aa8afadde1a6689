package org.openvmi.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Create or replace one source-list line of a supplier (the supplier comes from the path). */
public class SupplierItemCommand {

    @NotBlank
    @Size(max = 64)
    private String item;

    @Size(max = 64)
    private String supplierPartNo;

    @NotNull
    @DecimalMin(value = "0", message = "{openvmi.nonNegative}")
    @Digits(integer = 13, fraction = 6)
    private BigDecimal price;

    @NotBlank
    @Pattern(regexp = "^[A-Z]{3}$", message = "{openvmi.currency.pattern}")
    private String currency = "CNY";

    @NotNull
    @DecimalMin(value = "0", inclusive = false, message = "{openvmi.positive}")
    @Digits(integer = 15, fraction = 4)
    private BigDecimal moq = BigDecimal.ONE;

    @NotNull
    @DecimalMin(value = "0", inclusive = false, message = "{openvmi.positive}")
    @Digits(integer = 15, fraction = 4)
    private BigDecimal packSize = BigDecimal.ONE;

    @NotNull
    @Min(0)
    @Max(365)
    private Integer leadTimeDays;

    /** The primary source of the item; marking one primary makes the item's other sources backups. */
    private boolean primary;

    private Integer version;

    public static SupplierItemCommand from(SupplierItemView v) {
        SupplierItemCommand c = new SupplierItemCommand();
        c.item = v.item();
        c.supplierPartNo = v.supplierPartNo();
        c.price = v.price();
        c.currency = v.currency();
        c.moq = v.moq();
        c.packSize = v.packSize();
        c.leadTimeDays = v.leadTimeDays();
        c.primary = v.primary();
        c.version = v.version();
        return c;
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = CatalogCodes.trim(item);
    }

    public String getSupplierPartNo() {
        return supplierPartNo;
    }

    public void setSupplierPartNo(String supplierPartNo) {
        this.supplierPartNo = CatalogCodes.blankToNull(supplierPartNo);
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency == null ? null : currency.trim().toUpperCase();
    }

    public BigDecimal getMoq() {
        return moq;
    }

    public void setMoq(BigDecimal moq) {
        this.moq = moq;
    }

    public BigDecimal getPackSize() {
        return packSize;
    }

    public void setPackSize(BigDecimal packSize) {
        this.packSize = packSize;
    }

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    public void setLeadTimeDays(Integer leadTimeDays) {
        this.leadTimeDays = leadTimeDays;
    }

    public boolean isPrimary() {
        return primary;
    }

    public void setPrimary(boolean primary) {
        this.primary = primary;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
