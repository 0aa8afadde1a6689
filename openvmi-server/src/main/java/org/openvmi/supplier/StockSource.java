package org.openvmi.supplier;

/** How a supplier's stock figure reached us: an uploaded file, the API (its system), or typed in the portal. */
public enum StockSource {
    FILE,
    API,
    MANUAL
}
