package org.openvmi.inventory;

import java.time.Instant;
import org.openvmi.shared.AllowedValues;

/**
 * Filters of the movement history; owner is OWN, a supplier code, or CONSIGNMENT for all supplier-owned stock. Item is
 * an exact item code; text (for people typing in a search field) matches code or name partly, or a barcode exactly.
 * From is inclusive, to exclusive.
 */
public record MovementFilter(
        String item,
        String warehouse,
        String location,
        String owner,
        String type,
        String reference,
        Long posting,
        Instant from,
        Instant to,
        String text) {

    /** An unknown type is refused (400) rather than matching nothing. */
    public MovementFilter {
        type = AllowedValues.code("type", type, MovementType.class);
    }

    public MovementFilter(
            String item,
            String warehouse,
            String location,
            String owner,
            String type,
            String reference,
            Long posting,
            Instant from,
            Instant to) {
        this(item, warehouse, location, owner, type, reference, posting, from, to, null);
    }
}
