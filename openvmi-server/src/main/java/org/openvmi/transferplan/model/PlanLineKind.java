package org.openvmi.transferplan.model;

/** A line of a plan: a transfer between two warehouses, or the part of a need left to buying (cheaper or no source). */
public enum PlanLineKind {
    TRANSFER,
    PURCHASE
}
