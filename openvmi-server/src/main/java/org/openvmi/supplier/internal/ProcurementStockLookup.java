package org.openvmi.supplier.internal;

import java.math.BigDecimal;
import java.util.Optional;
import org.openvmi.procurement.AvailableStockLookup;
import org.openvmi.shared.PageRequest;
import org.openvmi.supplier.SupplierStockView;
import org.openvmi.supplier.SupplierStocks;
import org.springframework.stereotype.Component;

/**
 * Gives procurement the stock a supplier reported as available, so a PO line goes to a backup supplier when the
 * primary reported too little. Nothing reported, or a stale report, counts as unknown (the primary keeps the order).
 */
@Component
class ProcurementStockLookup implements AvailableStockLookup {

    private final SupplierStocks stocks;

    ProcurementStockLookup(SupplierStocks stocks) {
        this.stocks = stocks;
    }

    @Override
    public Optional<BigDecimal> available(String supplier, String item) {
        // a list read, not get(): an exception thrown through a transactional proxy would doom the caller's transaction
        return stocks.find(supplier, item, null, PageRequest.of(0, 1)).content().stream()
                .filter(v -> item.equals(v.item()) && supplier.equals(v.supplier()) && !v.stale())
                .map(SupplierStockView::available)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }
}
