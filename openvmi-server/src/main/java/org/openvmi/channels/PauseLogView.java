package org.openvmi.channels;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One pause or resume of a channel for an item, as logged; {@code item} and {@code poolFree} are null for a row of the
 * channel as a whole (a person set it INACTIVE, or ACTIVE again).
 */
public record PauseLogView(
        String channel, String item, String status, BigDecimal poolFree, BigDecimal threshold, Instant at) {}
