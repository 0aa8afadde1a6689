package org.openvmi.security.web;

/** The "new API key" form: a name for the key and the user whose rights it carries. */
public class ApiKeyForm {

    private String name;
    private String username;

    public String getName() { return name; }
    public void setName(String name) { this.name = name == null || name.isBlank() ? null : name.trim(); }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username == null || username.isBlank() ? null : username.trim(); }
}
