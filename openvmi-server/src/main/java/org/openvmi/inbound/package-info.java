/**
 * Inbound documents (ADR 0063): movements, sales/consumption and supplier stock from the buyer's ERP, WMS and POS and
 * from suppliers' systems, in bulk, as JSON or as a file. Each source document is posted once (idempotent per source
 * id) through the owning feature's API — the ledger, consignment consumption, supplier stock — and answered with a
 * per-document result: posted, duplicate (the first result again) or rejected with its field errors.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"consignment", "inventory", "security", "shared", "supplier"})
package org.openvmi.inbound;
