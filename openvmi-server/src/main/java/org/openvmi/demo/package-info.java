/**
 * Demo data: seeds an empty database, when {@code openvmi.demo-data} is on, with a plant that has run for a year
 * (3 warehouses, 200 items, 8 suppliers with source lists, the demo users), all drawn from one fixed seed: a year of
 * issues, receipts, VMI consumptions, shipments and transfers posted through the features' use cases on the days they
 * happened (ADR 0032), purchase orders in every status, requisitions awaiting approval and monthly VMI statements;
 * today's sales channels with a few orders, transfer lanes and a computed transfer plan.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "analytics",
            "catalog",
            "channels",
            "consignment",
            "inventory",
            "planning",
            "procurement",
            "security",
            "shared",
            "stockpolicy",
            "supplier",
            "transferplan"
        })
package org.openvmi.demo;
