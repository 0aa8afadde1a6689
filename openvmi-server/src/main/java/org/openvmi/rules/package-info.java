/**
 * Rules engine (issue 17, ADR 0048): business users write IF-THEN rules whose condition is a CEL expression over one
 * item × warehouse (the context documented in docs/rules.md), scheduled by cron; actions raise a rule alert, record a
 * purchase suggestion or open a clearance task (清理任务). Reads other features only through their APIs
 * (availability, inventory's stock positions, stock policies, catalog); {@code model} is plain Java with CEL.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "analytics",
            "availability",
            "catalog",
            "channels",
            "inventory",
            "planning",
            "procurement",
            "shared",
            "stockpolicy",
            "supplier"
        })
package org.openvmi.rules;
