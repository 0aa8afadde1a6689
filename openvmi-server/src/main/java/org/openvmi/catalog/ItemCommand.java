package org.openvmi.catalog;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Create or replace an item. The same object backs the UI form. */
public class ItemCommand {

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = CatalogCodes.PATTERN, message = "{openvmi.code.pattern}")
    private String code;

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotBlank
    @Size(max = 16)
    private String uom;

    @Size(max = 64)
    private String category;

    @DecimalMin(value = "0", message = "{openvmi.nonNegative}")
    @Digits(integer = 13, fraction = 6)
    private BigDecimal unitCost;

    private boolean lotTracked;

    private List<@NotBlank @Size(max = 64) String> barcodes = new ArrayList<>();

    /** The version the client last saw (optional): a stale one is refused with 409. */
    private Integer version;

    public ItemCommand() {}

    public static ItemCommand from(ItemView v) {
        ItemCommand c = new ItemCommand();
        c.code = v.code();
        c.name = v.name();
        c.uom = v.uom();
        c.category = v.category();
        c.unitCost = v.unitCost();
        c.lotTracked = v.lotTracked();
        c.barcodes = new ArrayList<>(v.barcodes());
        c.version = v.version();
        return c;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = CatalogCodes.trim(code);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = CatalogCodes.trim(name);
    }

    public String getUom() {
        return uom;
    }

    public void setUom(String uom) {
        this.uom = CatalogCodes.trim(uom);
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = CatalogCodes.blankToNull(category);
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public void setUnitCost(BigDecimal unitCost) {
        this.unitCost = unitCost;
    }

    public boolean isLotTracked() {
        return lotTracked;
    }

    public void setLotTracked(boolean lotTracked) {
        this.lotTracked = lotTracked;
    }

    public List<String> getBarcodes() {
        return barcodes;
    }

    public void setBarcodes(List<String> barcodes) {
        this.barcodes = barcodes == null ? new ArrayList<>() : barcodes;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    /** Barcodes as one comma- or space-separated text, for the UI form. */
    public String getBarcodesText() {
        return String.join(", ", barcodes);
    }

    public void setBarcodesText(String text) {
        this.barcodes = CatalogCodes.splitList(text);
    }
}
