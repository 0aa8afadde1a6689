package org.openvmi.procurement;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The seam to the suppliers' reported available stock: when a bean of this type exists (the supplier feature
 * provides it), a PO line goes to a backup source when the primary reported less than needed. Without one, or when
 * a supplier reported nothing, the primary is used.
 */
public interface AvailableStockLookup {

    Optional<BigDecimal> available(String supplier, String item);
}
