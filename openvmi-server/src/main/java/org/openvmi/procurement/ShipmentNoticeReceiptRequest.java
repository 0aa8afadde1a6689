package org.openvmi.procurement;

import java.time.LocalDate;

/** Receives a whole shipment notice at a location of the order's warehouse. */
public record ShipmentNoticeReceiptRequest(String location, LocalDate receivedOn) {
}
