package org.openvmi.security.web;

/** The "new API key" form: a name for the key and the user whose rights it carries. */
public class ApiKeyForm {

    private String name;
    private String username;
    private java.util.Set<org.openvmi.security.ApiKeyScope> scopes =
            java.util.EnumSet.noneOf(org.openvmi.security.ApiKeyScope.class);

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null || name.isBlank() ? null : name.trim();
    }

    public java.util.Set<org.openvmi.security.ApiKeyScope> getScopes() {
        return scopes;
    }

    public void setScopes(java.util.Set<org.openvmi.security.ApiKeyScope> scopes) {
        this.scopes = scopes == null ? java.util.EnumSet.noneOf(org.openvmi.security.ApiKeyScope.class) : scopes;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null || username.isBlank() ? null : username.trim();
    }
}
