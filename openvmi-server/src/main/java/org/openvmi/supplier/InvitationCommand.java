package org.openvmi.supplier;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Invite a supplier user: the supplier it belongs to, its login name and the address the one-time link goes to. */
public class InvitationCommand {

    @NotBlank
    @Size(max = 64)
    private String supplier;

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = "^[A-Za-z0-9._\\-]+$", message = "{openvmi.code.pattern}")
    private String username;

    @NotBlank
    @Email
    @Size(max = 254)
    private String email;

    @Size(max = 100)
    private String displayName;

    @Pattern(regexp = "^(zh-CN|en)$", message = "{openvmi.language.pattern}")
    private String language = "zh-CN";

    public String getSupplier() {
        return supplier;
    }

    public void setSupplier(String supplier) {
        this.supplier = supplier == null ? null : supplier.trim();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.trim();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? null : email.trim();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null || language.isBlank() ? "zh-CN" : language;
    }
}
