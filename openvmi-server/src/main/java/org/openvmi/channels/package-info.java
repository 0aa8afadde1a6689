/**
 * Sales channels (issue 18, ADR 0055): channels (online shop, stores, B2B, marketplace) drawing on warehouses,
 * allocation rules per channel (priority, percentage, fixed quota, safety buffer), available-to-sell per channel that
 * never promises a unit twice, channel orders that reserve, commit (issue) and release stock through the inventory
 * module's reservations and ledger, automatic pause and resume of channels per item at a threshold. Inbound orders
 * by API, CSV file and {@link org.openvmi.channels.ChannelOrderAdapter}s (one generic webhook-in adapter).
 * Buyer-side only: channels hold no supplier's data and supplier users are not let in.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "catalog", "inventory", "shared"})
package org.openvmi.channels;
