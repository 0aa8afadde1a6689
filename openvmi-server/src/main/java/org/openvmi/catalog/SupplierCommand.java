package org.openvmi.catalog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or replace a supplier; backs the UI form too. */
public class SupplierCommand {

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = CatalogCodes.PATTERN, message = "{openvmi.code.pattern}")
    private String code;

    @NotBlank
    @Size(max = 200)
    private String name;

    @Size(max = 100)
    private String contactName;

    @Size(max = 40)
    @Pattern(regexp = "^[0-9+()\\- ]*$", message = "{openvmi.phone.pattern}")
    private String contactPhone;

    @Size(max = 200)
    @Email
    private String contactEmail;

    @Size(max = 300)
    private String address;

    private boolean active = true;

    private Integer version;

    public static SupplierCommand from(SupplierView v) {
        SupplierCommand c = new SupplierCommand();
        c.code = v.code();
        c.name = v.name();
        c.contactName = v.contactName();
        c.contactPhone = v.contactPhone();
        c.contactEmail = v.contactEmail();
        c.address = v.address();
        c.active = v.active();
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

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = CatalogCodes.blankToNull(contactName);
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = CatalogCodes.blankToNull(contactPhone);
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = CatalogCodes.blankToNull(contactEmail);
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = CatalogCodes.blankToNull(address);
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
