package org.openvmi.procurement;

import java.time.LocalDate;
import java.util.List;
import org.openvmi.procurement.internal.DeliveryLineRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery facts of a supplier's purchase-order lines, for scorecards. Not scoped here: the caller (analytics)
 * decides who may read which supplier's figures.
 */
@Service
public class SupplierDeliveries {

    private final DeliveryLineRepository repository;

    SupplierDeliveries(DeliveryLineRepository repository) {
        this.repository = repository;
    }

    /** Lines of the supplier's POs ordered up to {@code to} that were due, answered or received from {@code from}. */
    @Transactional(readOnly = true)
    public List<DeliveryLine> lines(String supplier, String warehouse, LocalDate from, LocalDate to) {
        return repository.lines(supplier, warehouse, from, to);
    }
}
