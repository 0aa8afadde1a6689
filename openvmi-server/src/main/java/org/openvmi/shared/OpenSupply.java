package org.openvmi.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a feature has open for an item at a warehouse: supply still to come in (positive quantity) or stock already
 * promised out (negative), each with the date it is expected, the document it comes from and, for a supplier's
 * document, the supplier. Features publish theirs through this interface; planning's availability read model
 * combines them (ADR 0028), so no feature reads another's tables.
 */
public interface OpenSupply {

    /** What kind of open supply or demand a line is (ON_HAND only opens a timeline: no feature publishes it). */
    enum Event {
        ON_HAND,
        PO_LINE,
        SHIPMENT_NOTICE,
        VMI_SHIPMENT,
        REQUISITION,
        CALL_OFF,
        TRANSFER_IN,
        TRANSFER_OUT,
        RESERVATION
    }

    /** One open line; {@code qty} is signed: + arrives, − leaves. {@code supplierId} is null for internal documents. */
    record Line(
            long itemId,
            long warehouseId,
            LocalDate date,
            Event event,
            String document,
            Long supplierId,
            BigDecimal qty) {}

    /** The open lines of one item (or all when null) at one warehouse (or all when null). */
    List<Line> open(Long itemId, Long warehouseId);
}
