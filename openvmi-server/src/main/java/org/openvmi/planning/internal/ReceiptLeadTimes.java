package org.openvmi.planning.internal;

import org.openvmi.planning.LeadTimeFactRequest;
import org.openvmi.planning.LeadTimes;
import org.openvmi.procurement.GoodsReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the observed lead time of every PO receipt line (ordered on → received on) as a planning fact, after the
 * receipt committed; the reference PO-x/RC-y/item makes a second hand-over of the same event a no-op.
 */
@Component
class ReceiptLeadTimes {

    private final LeadTimes leadTimes;
    private final LeadTimeRepository repository;

    ReceiptLeadTimes(LeadTimes leadTimes, LeadTimeRepository repository) {
        this.leadTimes = leadTimes;
        this.repository = repository;
    }

    @ApplicationModuleListener
    public void on(GoodsReceived e) {
        String reference = "PO-" + e.purchaseOrder() + "/RC-" + e.receiptId() + "/" + e.item();
        if (reference.length() > 100 || repository.recorded(reference)) {
            return;
        }
        leadTimes.record(new LeadTimeFactRequest(
                e.supplier(), e.item(), e.warehouse(), e.orderedOn(), e.receivedOn(), reference));
    }
}
