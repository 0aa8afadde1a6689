package org.openvmi.consignment;

/**
 * Consuming consignment stock passed the ownership of some of it from its suppliers to the buyer, each passage with
 * its settlement line ({@link ConsumptionView#settled()}, never empty here). Published in the consuming transaction.
 */
public record OwnershipTransferred(ConsumptionView consumption) {}
