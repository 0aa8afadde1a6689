/**
 * Master data: items, warehouses and their locations, suppliers and their source lists (supplier items).
 * The public API is the *Catalog services and their views and commands in this package.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package org.openvmi.catalog;
