package org.openvmi.inbound;

import jakarta.validation.Valid;
import java.util.List;
import org.openvmi.shared.MaxChars;
import org.openvmi.supplier.SupplierStockLine;

/**
 * One stock report from a supplier's system. {@code supplier} may be left out by a supplier's own key (its own
 * supplier); a supplier's key naming another supplier is refused (403) before anything is written.
 */
public record SupplierStockDocument(
        @MaxChars(100) String sourceId, @MaxChars(64) String supplier, List<@Valid SupplierStockLine> lines) {}
