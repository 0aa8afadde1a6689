/**
 * Availability: the one read model of supply and demand by date per item × warehouse (ADR 0028) — the ledger's stock
 * plus every feature's open lines ({@link org.openvmi.shared.OpenSupply}). A module of its own below planning and
 * consignment, so both read the same inventory position (planning already reads consignment's VMI coverage: the
 * read model cannot live in planning without a cycle). Depends on catalog, inventory and shared only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "inventory", "shared"})
package org.openvmi.availability;
