package org.openvmi.stockpolicy;

/** Who sets a policy's lines: people (MANUAL) or planning runs (DYNAMIC). */
public enum PolicyMode {
    MANUAL,
    DYNAMIC
}
