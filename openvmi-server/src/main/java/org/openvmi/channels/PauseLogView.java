package org.openvmi.channels;

import java.math.BigDecimal;
import java.time.Instant;

/** One pause or resume of a channel for an item, as logged. */
public record PauseLogView(
        String channel, String item, String status, BigDecimal poolFree, BigDecimal threshold, Instant at) {}
