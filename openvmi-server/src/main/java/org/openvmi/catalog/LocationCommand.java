package org.openvmi.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or replace a location of a warehouse (the warehouse comes from the path). */
public class LocationCommand {

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = CatalogCodes.PATTERN, message = "{openvmi.code.pattern}")
    private String code;

    @Size(max = 200)
    private String name;

    @NotNull
    private LocationType type = LocationType.STORAGE;

    /** Whether stock may go below zero here (e.g. a production line that back-flushes). */
    private boolean allowNegative;

    private Integer version;

    public static LocationCommand from(LocationView v) {
        LocationCommand c = new LocationCommand();
        c.code = v.code();
        c.name = v.name();
        c.type = v.type();
        c.allowNegative = v.allowNegative();
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
        this.name = CatalogCodes.blankToNull(name);
    }

    public LocationType getType() {
        return type;
    }

    public void setType(LocationType type) {
        this.type = type;
    }

    public boolean isAllowNegative() {
        return allowNegative;
    }

    public void setAllowNegative(boolean allowNegative) {
        this.allowNegative = allowNegative;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
