package org.openvmi.channels;

/** A person pauses or resumes a channel for an item: why, in their words (optional, at most 500 characters). */
public record ItemPauseRequest(String note) {}
