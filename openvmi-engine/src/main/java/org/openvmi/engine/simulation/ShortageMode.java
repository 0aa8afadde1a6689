package org.openvmi.engine.simulation;

/** What happens to demand that stock cannot serve in its period. */
public enum ShortageMode {
    /** The customer goes elsewhere: unserved demand is gone (spare parts bought outside, the reference's choice). */
    LOST_SALES,
    /** Unserved demand waits and is served first from later receipts; it still counts as not filled from stock. */
    BACKORDERS
}
