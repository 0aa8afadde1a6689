/**
 * VMI consignment: agreements (versioned), shipment notices and receipts into VMI zones with the supplier as owner,
 * consumption that passes ownership to the buyer with a settlement line in the same transaction, settlement
 * statements per supplier and period.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"availability", "catalog", "inventory", "shared"})
package org.openvmi.consignment;
