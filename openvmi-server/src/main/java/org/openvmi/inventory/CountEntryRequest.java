package org.openvmi.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code PUT /counts/{id}/lines}: counted quantities per stock key (item, location — default the sheet's location —,
 * owner, lot). A key that is not on the sheet is added as found stock. Lines not given keep what they had.
 */
public record CountEntryRequest(List<Line> lines) {

    public record Line(String item, String location, String owner, String lot, BigDecimal counted) {
    }
}
