package org.openvmi.channels;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One pause or resume of a channel for an item, as logged; {@code item} and {@code poolFree} are null for a row of the
 * channel as a whole (a person set it INACTIVE, or ACTIVE again). {@code reason}: null for the automatic line (and
 * whole-channel rows), RULE or MANUAL for a held pause and its resume; {@code by} who (a rule: "rule:&lt;id&gt;"
 * and its owner), {@code note} why.
 */
public record PauseLogView(
        String channel,
        String item,
        String status,
        BigDecimal poolFree,
        BigDecimal threshold,
        Instant at,
        String reason,
        String by,
        String note) {}
