package org.openvmi.transferplan.model;

/** Why a warehouse can give stock of an item away: above its max line, or more days of cover than the threshold. */
public enum ExcessReason {
    ABOVE_MAX,
    COVER_ABOVE_THRESHOLD
}
