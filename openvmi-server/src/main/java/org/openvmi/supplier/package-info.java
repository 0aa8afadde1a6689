/**
 * The supplier portal: supplier-side available stock (reported by file, API or by hand, with history and a stale
 * flag), the buyer's "who has stock" and shortage views, and the supplier's home page. Rows are scoped by
 * {@link org.openvmi.shared.PartyScope}: a supplier user reads and writes only its own supplier's stock.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "availability",
            "catalog",
            "catalog :: tabular-import",
            "inventory",
            "notification",
            "planning",
            "procurement",
            "security",
            "shared",
            "stockpolicy"
        })
package org.openvmi.supplier;
