/**
 * Planning: demand history now; forecasting, safety stock and replenishment suggestions build on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "availability",
            "catalog",
            "catalog :: tabular-import",
            "consignment",
            "inventory",
            "procurement",
            "shared",
            "stockpolicy"
        })
package org.openvmi.planning;
