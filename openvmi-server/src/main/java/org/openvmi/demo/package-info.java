/**
 * Demo data: seeds an empty database with a realistic buyer (3 warehouses, 200 items, 8 suppliers with source
 * lists, the demo users and a year of daily demand) from a fixed seed, when {@code openvmi.demo-data} is on.
 */
package org.openvmi.demo;
