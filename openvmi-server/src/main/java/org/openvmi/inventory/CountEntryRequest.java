package org.openvmi.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code PUT /counts/{id}/lines}: counted quantities per stock key (item, location — default the sheet's location —,
 * owner, lot). A key that is not on the sheet is added as found stock. Lines not given keep what they had.
 */
public record CountEntryRequest(List<@Valid Line> lines) {

    public record Line(
            String item,
            String location,
            @MaxChars(64) String owner,
            @MaxChars(64) String lot,
            @Digits(integer = 15, fraction = 4) BigDecimal counted) {}
}
