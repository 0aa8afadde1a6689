/**
 * Analytics: the KPIs the VMI promise is measured by (docs/kpis.md). Daily snapshots per item × warehouse × owner and
 * FIFO receipt layers, kept by an incremental job from the inventory ledger's public feed; KPI, aging, ABC × XYZ and
 * stale-stock reads on top of them.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "catalog",
            "channels",
            "consignment",
            "inventory",
            "planning",
            "procurement",
            "shared",
            "stockpolicy"
        })
package org.openvmi.analytics;
