package org.openvmi.channels;

/**
 * A channel's selling state for an item after a pause or resume by a rule or a person: {@code paused}, and why
 * ({@code reason}: LINE for the automatic line, RULE or MANUAL for a held pause, null when selling); {@code changed}
 * false when the request found it so already (or, for a rule, a person's pause it may not lift).
 */
public record ItemPauseView(String channel, String item, boolean paused, String reason, boolean changed) {}
