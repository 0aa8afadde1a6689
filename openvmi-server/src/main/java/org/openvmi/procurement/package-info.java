/**
 * Procurement: purchase requisitions, their approval by a configurable rule table, purchase orders with supplier
 * confirmation and versioned changes, receipts into own stock, supplier invoices with the three-way match, exports
 * for finance and the monthly reconciliation per supplier. The public API is the services and records here.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "catalog", "catalog :: tabular-import", "inventory", "security", "shared"})
package org.openvmi.procurement;
