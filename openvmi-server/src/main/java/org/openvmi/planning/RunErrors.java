package org.openvmi.planning;

/**
 * Why a planning run failed, as {@link RunView#errorCode()} names it; pages show it by {@code planning.runs.errorCode.*}
 * in their language, the API answers it besides the English {@code error} (ADR 0084).
 */
public final class RunErrors {

    /** Refused when queued: too many runs were queued already. */
    public static final String QUEUE_FULL = "queueFull";
    /** The instance running it stopped (no heartbeat for longer than the stale limit). */
    public static final String NO_HEARTBEAT = "noHeartbeat";
    /** An error while running; {@code error} names the exception. */
    public static final String FAILED = "failed";

    private RunErrors() {}
}
