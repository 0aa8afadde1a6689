package org.openvmi.transferplan.model;

/** Why a warehouse needs stock of an item: its projection falls below safety within the lead time, or it is below warning now. */
public enum NeedReason {
    BELOW_SAFETY_IN_LEAD_TIME,
    BELOW_WARNING
}
