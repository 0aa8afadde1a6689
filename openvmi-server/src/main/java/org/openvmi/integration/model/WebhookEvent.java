package org.openvmi.integration.model;

/**
 * One event to deliver: its type (e.g. "alert.raised"), a key unique per event (each subscription gets an event
 * once, however often the domain event is handled) and the JSON body, signed and sent as it is.
 */
public record WebhookEvent(String type, String key, String payload) {}
