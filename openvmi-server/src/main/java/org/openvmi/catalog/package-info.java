/**
 * Master data: items, warehouses and their locations, suppliers and their source lists (supplier items).
 * The public API is the *Catalog services and their views and commands in this package.
 */
package org.openvmi.catalog;
