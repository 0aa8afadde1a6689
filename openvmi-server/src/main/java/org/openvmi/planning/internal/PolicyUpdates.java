package org.openvmi.planning.internal;

import java.util.List;

import org.openvmi.planning.model.Plan;

/** Where the planned lines go: the stock policies of the item-warehouses (only those in DYNAMIC mode change). */
public interface PolicyUpdates {

    /** Applies the planned safety / warning / max lines; returns how many policies changed. */
    int apply(List<Plan> plans);
}
