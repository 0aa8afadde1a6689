package org.openvmi.rules;

import java.time.Instant;

/** One change of a rule: who, when, what kind (CREATED, UPDATED, DELETED, DISABLED_BY_ENGINE) and the condition after it. */
public record RuleVersionView(
        int version, String change, String changedBy, Instant changedAt, boolean enabled, String condition) {}
