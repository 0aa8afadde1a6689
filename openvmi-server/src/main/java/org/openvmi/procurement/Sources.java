package org.openvmi.procurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemView;
import org.openvmi.procurement.model.SourceOption;
import org.openvmi.shared.PageRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The source list of an item as procurement sees it, with the suppliers' available stock where known. */
@Component
class Sources {

    private final SupplierCatalog catalog;
    private final ObjectProvider<AvailableStockLookup> availability;

    Sources(SupplierCatalog catalog, ObjectProvider<AvailableStockLookup> availability) {
        this.catalog = catalog;
        this.availability = availability;
    }

    List<SourceOption> of(String item) {
        List<SupplierItemView> rows =
                catalog.sources(null, item, PageRequest.of(0, 100)).content();
        AvailableStockLookup lookup = availability.getIfAvailable();
        return rows.stream()
                .map(s -> {
                    SourceOption o = new SourceOption(
                            catalog.idOf(s.supplier()).orElseThrow(),
                            s.supplier(),
                            s.price(),
                            s.currency(),
                            s.moq(),
                            s.packSize(),
                            s.leadTimeDays(),
                            s.primary(),
                            null);
                    return lookup == null
                            ? o
                            : o.withAvailable(
                                    lookup.available(s.supplier(), item).orElse(null));
                })
                .toList();
    }

    long supplierId(String supplier) {
        return catalog.idOf(supplier).orElseThrow();
    }

    Optional<SourceOption> primary(String item) {
        List<SourceOption> all = of(item);
        return all.stream()
                .filter(SourceOption::primary)
                .findFirst()
                .or(() -> all.stream().findFirst());
    }

    static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
