package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.availability.Availability;
import org.openvmi.consignment.internal.AgreementRepository;
import org.openvmi.consignment.internal.SlaRepository;
import org.openvmi.consignment.model.Replenishment;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.Money;
import org.openvmi.shared.PartyScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What VMI suppliers should ship now, per agreement line, with the stock position behind it (also the buyer's
 * consignment stock view: owner split and the consigned value at the agreement price), and per-supplier SLA figures.
 * What is on its way comes from the same read model planning uses ({@link Availability}, ADR 0028): every open
 * inbound line of the item at the line's warehouse (shipments, open call-offs, PO lines, ASNs, transfers), so a need
 * planning has already covered — by a call-off the supplier has yet to ship, say — is not shown again.
 */
@Service
public class ToShipBoard {

    private final AgreementRepository agreements;
    private final Availability availability;
    private final SlaRepository sla;
    private final LineStock lineStock;
    private final Shipments shipping;
    private final Clock clock;

    ToShipBoard(
            AgreementRepository agreements,
            Availability availability,
            SlaRepository sla,
            LineStock lineStock,
            Shipments shipping,
            Clock clock) {
        this.agreements = agreements;
        this.availability = availability;
        this.sla = sla;
        this.lineStock = lineStock;
        this.shipping = shipping;
        this.clock = clock;
    }

    /** Every line the caller sees; {@code onlyToShip} keeps those with a suggestion. */
    @Transactional(readOnly = true)
    public List<ToShipLine> lines(String supplier, boolean onlyToShip) {
        Instant now = clock.instant();
        List<ToShipLine> out = new ArrayList<>();
        for (AgreementRepository.Terms t : agreements.currentLines(Agreements.blank(supplier), PartyScope.current())) {
            ToShipLine line = line(t, now);
            if (!onlyToShip || line.suggestedQty().signum() > 0) {
                out.add(line);
            }
        }
        return out;
    }

    private ToShipLine line(AgreementRepository.Terms t, Instant now) {
        LineStock.Split split = lineStock.split(t);
        BigDecimal onHand = lineStock.onHand(t);
        BigDecimal inTransit =
                availability.position(t.itemId(), t.warehouseId()).onOrder();
        Replenishment.Suggestion s = Replenishment.suggest(t.min(), t.max(), onHand, inTransit, t.packSize(), t.moq());
        var open = sla.open(t.agreementId(), t.itemId(), t.locationId());
        Instant since = open.map(SlaRepository.Open::belowSince).orElse(null);
        Instant due = open.map(SlaRepository.Open::dueAt)
                .orElse(s.needed() ? Replenishment.due(now, t.replenishWithinHours()) : null);
        return new ToShipLine(
                t.agreementId(),
                t.versionNo(),
                t.supplier(),
                t.item(),
                null,
                t.location(),
                Decimals.plain(t.min()),
                Decimals.plain(t.max()),
                Decimals.plain(onHand),
                Decimals.plain(split.own()),
                Decimals.plain(split.consigned()),
                Decimals.plain(inTransit),
                Decimals.plain(s.qty()),
                s.reason(),
                since,
                due,
                due != null && open.isPresent() && due.isBefore(now),
                Decimals.plain(t.price()),
                t.currency(),
                Money.settled(split.consigned(), t.price(), t.currency()).amount());
    }

    /** An ASN of the suggested quantity of one line, in one click (or one API call). */
    public ShipmentView ship(String item, String location, String supplier, String lot, OffsetDateTime expectedAt) {
        if (item == null || location == null) {
            throw InvalidInputException.of(item == null ? "item" : "location", CodedRefusal.required());
        }
        ToShipLine line = lines(supplier, false).stream()
                .filter(l -> l.item().equals(item.trim()) && l.location().equals(location.trim()))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException(
                        "item", "no VMI agreement line of yours for item '" + item + "' at '" + location + "'"));
        if (line.suggestedQty().signum() <= 0) {
            throw new BusinessRuleException(
                    "item", "nothing to ship for item '" + item + "' at '" + location + "': " + line.reason());
        }
        return shipping.create(new ShipmentRequest(
                line.supplier(),
                expectedAt,
                "suggested",
                List.of(new ShipmentRequest.Line(line.item(), line.suggestedQty(), lot, line.location()))));
    }

    @Transactional(readOnly = true)
    public List<SlaSummary> sla() {
        return sla.summary(PartyScope.current(), clock.instant());
    }
}
