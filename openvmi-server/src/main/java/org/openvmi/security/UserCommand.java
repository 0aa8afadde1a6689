package org.openvmi.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** Create or change a user. The password is only required on create (and then at least 8 characters). */
public class UserCommand {

    /** The language of a user's notifications unless it chooses another. */
    public static final String DEFAULT_LANGUAGE = "zh-CN";

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = "^[A-Za-z0-9._\\-]+$", message = "{openvmi.code.pattern}")
    private String username;

    @Size(max = 100)
    private String displayName;

    @Size(min = 8, max = 100)
    private String password;

    @NotEmpty
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    /** Required for SUPPLIER users, forbidden for others. */
    @Size(max = 64)
    private String supplier;

    private boolean enabled = true;

    /** Where notifications are mailed; none = no mail. */
    @Email
    @Size(max = 254)
    private String email;

    /** The language of the user's notifications: zh-CN (default) or en. */
    @Pattern(regexp = "^(zh-CN|en)$", message = "{openvmi.language.pattern}")
    private String language = DEFAULT_LANGUAGE;

    /**
     * The IANA zone the user's pages are shown in (e.g. Asia/Shanghai), validated like the own-settings page; blank:
     * the server's configured zone; null (left out of an API request): unchanged.
     */
    @Size(max = 64)
    private String timeZone;

    /** The current values of a user, for the edit form (never a password). */
    public static UserCommand from(UserView v) {
        UserCommand c = new UserCommand();
        c.setUsername(v.username());
        c.setDisplayName(v.displayName());
        c.setRoles(v.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(v.roles()));
        c.setSupplier(v.supplier());
        c.setEnabled(v.enabled());
        c.setEmail(v.email());
        c.setLanguage(v.language());
        c.setTimeZone(v.timeZone() == null ? "" : v.timeZone());
        return c;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.trim();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public String getSupplier() {
        return supplier;
    }

    public void setSupplier(String supplier) {
        this.supplier = supplier == null || supplier.isBlank() ? null : supplier.trim();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null || email.isBlank() ? null : email.trim();
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language.trim();
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone == null ? null : timeZone.trim();
    }
}
