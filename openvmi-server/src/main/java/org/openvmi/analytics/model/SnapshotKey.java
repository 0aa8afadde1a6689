package org.openvmi.analytics.model;

/** The grain of the snapshots: an item at a warehouse held by one owner ({@code OWN} or a supplier code). */
public record SnapshotKey(String item, String warehouse, String owner) {

    public static final String OWN = "OWN";

    public boolean own() {
        return OWN.equals(owner);
    }
}
