package org.openvmi.planning.model;

/** QUEUED → RUNNING → DONE or FAILED. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
}
