package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openvmi.consignment.internal.AgreementRepository;
import org.openvmi.consignment.internal.SlaRepository;
import org.openvmi.consignment.model.Replenishment;
import org.openvmi.consignment.model.SlaClock;
import org.openvmi.inventory.StockChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the SLA clock of VMI lines in the transaction of the posting that moved their stock: below min opens an
 * episode (due after the agreement's replenish-within hours), back at or above min closes it on time or late by
 * hours; zero stock inside an episode counts as a stockout.
 */
@Component
class SlaTracker {

    private final AgreementRepository agreements;
    private final SlaRepository sla;
    private final LineStock lineStock;
    private final Clock clock;

    SlaTracker(AgreementRepository agreements, SlaRepository sla, LineStock lineStock, Clock clock) {
        this.agreements = agreements;
        this.sla = sla;
        this.lineStock = lineStock;
        this.clock = clock;
    }

    @EventListener
    void on(StockChanged changed) {
        List<Long> itemIds =
                changed.subjects().stream().map(s -> s.itemId()).distinct().toList();
        if (itemIds.isEmpty()) {
            return;
        }
        // most postings move no item under an agreement: a cheap look first (the seeded demo's daily issue postings
        // of ~400 own items each paid the full join here)
        java.util.Set<Long> underAgreement = agreements.itemsUnderAgreement();
        itemIds = itemIds.stream().filter(underAgreement::contains).toList();
        if (itemIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (AgreementRepository.Terms t : agreements.currentLines(itemIds)) {
            judge(t, lineStock.onHand(t), now);
        }
    }

    void judge(AgreementRepository.Terms t, BigDecimal onHand, Instant now) {
        var open = sla.open(t.agreementId(), t.itemId(), t.locationId());
        boolean below = onHand.compareTo(t.min()) < 0;
        boolean empty = onHand.signum() <= 0;
        if (open.isEmpty()) {
            if (below) {
                sla.start(t, now, Replenishment.due(now, t.replenishWithinHours()), empty);
            }
            return;
        }
        SlaRepository.Open e = open.get();
        if (e.stockoutSince() != null && !empty) {
            sla.stockoutEnds(e.id(), SlaClock.hours(e.stockoutSince(), now));
        } else if (e.stockoutSince() == null && empty) {
            sla.stockoutStarts(e.id(), now);
        }
        if (!below) {
            sla.close(e.id(), now, SlaClock.hoursLate(e.dueAt(), now));
        }
    }
}
