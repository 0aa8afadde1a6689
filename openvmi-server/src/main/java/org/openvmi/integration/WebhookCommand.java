package org.openvmi.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Register a webhook. Without a secret one is generated; either way the secret is returned once, in the answer to
 * the registration, and never shown again.
 */
public class WebhookCommand {

    @NotBlank
    @Size(max = 2000)
    private String url;

    @Size(min = 16, max = 200)
    private String secret;

    @NotEmpty
    private List<String> eventTypes = new ArrayList<>();

    private boolean active = true;

    @Size(max = 200)
    private String description;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url == null ? null : url.trim();
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret;
    }

    public List<String> getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(List<String> eventTypes) {
        this.eventTypes = eventTypes == null
                ? new ArrayList<>()
                : new ArrayList<>(eventTypes.stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList());
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null || description.isBlank() ? null : description.trim();
    }
}
