package org.openvmi.procurement;

import java.time.LocalDate;
import java.util.List;
import org.openvmi.procurement.internal.PriceLineRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prices paid on a supplier's purchase-order lines beside the source list's, for the price variance of scorecards.
 * Not scoped here: the caller (analytics) decides who may read which supplier's figures.
 */
@Service
public class SupplierPrices {

    private final PriceLineRepository repository;

    SupplierPrices(PriceLineRepository repository) {
        this.repository = repository;
    }

    /** Lines of orders (not cancelled) placed from {@code from} through {@code to}; a null supplier: every supplier. */
    @Transactional(readOnly = true)
    public List<PriceLine> lines(String supplier, String warehouse, LocalDate from, LocalDate to) {
        return repository.lines(supplier, warehouse, from, to);
    }
}
