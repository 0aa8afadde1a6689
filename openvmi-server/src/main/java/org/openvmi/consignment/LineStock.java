package org.openvmi.consignment;

import java.math.BigDecimal;
import org.openvmi.consignment.internal.AgreementRepository;
import org.openvmi.inventory.StockFilter;
import org.openvmi.inventory.StockQueries;
import org.openvmi.inventory.StockView;
import org.openvmi.shared.PageRequest;
import org.springframework.stereotype.Component;

/** Stock on hand of an agreement line's item at its VMI location, every owner (what the shop floor can use). */
@Component
class LineStock {

    private final StockQueries stock;

    LineStock(StockQueries stock) {
        this.stock = stock;
    }

    BigDecimal onHand(AgreementRepository.Terms t) {
        return stock
                .stock(
                        new StockFilter(t.item(), null, t.location(), null, false),
                        new PageRequest(0, PageRequest.MAX_SIZE))
                .content()
                .stream()
                .map(StockView::onHand)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** On hand and its value split by owner: the buyer's own stock and the supplier's consigned stock. */
    record Split(BigDecimal own, BigDecimal consigned) {}

    Split split(AgreementRepository.Terms t) {
        BigDecimal own = BigDecimal.ZERO;
        BigDecimal consigned = BigDecimal.ZERO;
        for (StockView v : stock.stock(
                        new StockFilter(t.item(), null, t.location(), null, false),
                        new PageRequest(0, PageRequest.MAX_SIZE))
                .content()) {
            if ("OWN".equals(v.owner())) {
                own = own.add(v.onHand());
            } else if (v.owner().equals(t.supplier())) {
                consigned = consigned.add(v.onHand());
            }
        }
        return new Split(own, consigned);
    }
}
