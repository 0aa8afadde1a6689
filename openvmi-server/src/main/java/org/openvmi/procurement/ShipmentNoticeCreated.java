package org.openvmi.procurement;

/** A supplier announced a shipment against a PO (ASN). Published in the creating transaction. */
public record ShipmentNoticeCreated(ShipmentNoticeView notice) {}
