package org.openvmi.rules.model;

/**
 * A rule that fails {@value #MAX_CONSECUTIVE_FAILURES} runs in a row is disabled (and says why) instead of failing
 * every night; one good run resets the count.
 */
public final class FailurePolicy {

    public static final int MAX_CONSECUTIVE_FAILURES = 3;

    private FailurePolicy() {}

    public static boolean disables(int consecutiveFailures) {
        return consecutiveFailures >= MAX_CONSECUTIVE_FAILURES;
    }
}
