package org.openvmi.inventory;

import java.math.BigDecimal;
import org.openvmi.shared.ConflictException;

/** 409: a line would take more than is available (on hand − reserved) at its stock key. */
public class InsufficientStockException extends ConflictException {

    private final String item;
    private final String location;
    private final String owner;
    private final String lot;
    private final BigDecimal available;
    private final BigDecimal requested;

    public InsufficientStockException(
            int line,
            String item,
            String location,
            String owner,
            String lot,
            BigDecimal available,
            BigDecimal requested) {
        super(
                "lines[" + line + "].qty",
                "Insufficient stock of item '" + item + "' at location '" + location
                        + "', owner '" + owner + "'" + (lot == null || lot.isEmpty() ? "" : ", lot '" + lot + "'")
                        + ": available " + available.toPlainString() + ", requested " + requested.toPlainString());
        this.item = item;
        this.location = location;
        this.owner = owner;
        this.lot = lot;
        this.available = available;
        this.requested = requested;
    }

    public String item() {
        return item;
    }

    public String location() {
        return location;
    }

    public String owner() {
        return owner;
    }

    public String lot() {
        return lot;
    }

    public BigDecimal available() {
        return available;
    }

    public BigDecimal requested() {
        return requested;
    }
}
