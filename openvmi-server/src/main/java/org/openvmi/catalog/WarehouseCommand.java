package org.openvmi.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or replace a warehouse; backs the UI form too. */
public class WarehouseCommand {

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = CatalogCodes.PATTERN, message = "{openvmi.code.pattern}")
    private String code;

    @NotBlank
    @Size(max = 200)
    private String name;

    @Size(max = 300)
    private String address;

    /** The location goods are received at unless another is scanned; one of this warehouse's, or none. */
    @Size(max = 64)
    private String receivingLocation;

    private Integer version;

    public static WarehouseCommand from(WarehouseView v) {
        WarehouseCommand c = new WarehouseCommand();
        c.code = v.code();
        c.name = v.name();
        c.address = v.address();
        c.receivingLocation = v.receivingLocation();
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

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = CatalogCodes.blankToNull(address);
    }

    public String getReceivingLocation() {
        return receivingLocation;
    }

    public void setReceivingLocation(String receivingLocation) {
        this.receivingLocation = CatalogCodes.blankToNull(receivingLocation);
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
