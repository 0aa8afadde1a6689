package org.openvmi.rules;

import java.math.BigDecimal;
import java.time.Instant;

/** An action a rule carried out for a subject: a rule alert (severity, message) or a purchase suggestion (quantity). */
public record FiringView(
        long id,
        long rule,
        String ruleName,
        String item,
        String warehouse,
        String type,
        String severity,
        String message,
        BigDecimal quantity,
        Instant firedAt) {}
