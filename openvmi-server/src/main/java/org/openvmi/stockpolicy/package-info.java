/**
 * Stock policies: the safety, warning (reorder) and maximum lines of each item in each warehouse, set by people
 * (MANUAL) or by planning runs (DYNAMIC). The public API is {@link org.openvmi.stockpolicy.StockPolicies}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "catalog", "catalog :: tabular-import", "inventory", "shared"})
package org.openvmi.stockpolicy;
