package org.openvmi.procurement.web;

import java.util.HashMap;
import java.util.Map;
import org.openvmi.procurement.PurchaseOrderView;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.procurement.ReceiptView;
import org.openvmi.procurement.Receipts;
import org.openvmi.shared.ChineseAmount;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Printable purchase order and goods-receipt note (browser print to PDF). The PO is read in the user's party scope,
 * so a supplier prints only its own orders (another supplier's is not found); receipt notes are for the buyer side.
 */
@Controller
class PrintPageController {

    private final PurchaseOrders orders;
    private final Receipts receipts;

    PrintPageController(PurchaseOrders orders, Receipts receipts) {
        this.orders = orders;
        this.receipts = receipts;
    }

    @GetMapping("/purchase-orders/{id}/print")
    String order(@PathVariable long id, Model model) {
        PurchaseOrderView po = orders.get(id);
        model.addAttribute("po", po);
        model.addAttribute("capitals", "CNY".equals(po.currency()) ? ChineseAmount.of(po.total()) : null);
        return "procurement/purchase-order-print";
    }

    @GetMapping("/receipts/{id}/print")
    String receipt(@PathVariable long id, Model model) {
        ReceiptView receipt = receipts.get(id);
        PurchaseOrderView po = orders.get(receipt.purchaseOrder());
        Map<Integer, PurchaseOrderView.Line> poLines = new HashMap<>();
        po.lines().forEach(l -> poLines.put(l.lineNo(), l));
        model.addAttribute("rc", receipt);
        model.addAttribute("po", po);
        model.addAttribute("poLines", poLines);
        return "procurement/receipt-print";
    }
}
