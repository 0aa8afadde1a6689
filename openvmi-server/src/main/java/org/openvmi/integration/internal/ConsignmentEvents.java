package org.openvmi.integration.internal;

import static org.openvmi.integration.internal.Payloads.plain;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.consignment.ConsumptionView;
import org.openvmi.consignment.OwnershipTransferred;
import org.openvmi.consignment.StatementStatusChanged;
import org.openvmi.consignment.StatementView;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.springframework.stereotype.Component;

/**
 * ownership.transferred (consuming consignment stock: one event per supplier whose stock passed to the buyer, keyed
 * by the item at the location) and statement.issued / .confirmed / .disputed (keyed by the statement), written in
 * the deciding transaction; each belongs to its supplier.
 */
@Component
class ConsignmentEvents {

    private final EventOutbox outbox;
    private final Clock clock;

    ConsignmentEvents(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @OutboxListener
    public void on(OwnershipTransferred e) {
        ConsumptionView c = e.consumption();
        Map<String, List<ConsumptionView.Settled>> bySupplier = new LinkedHashMap<>();
        c.settled()
                .forEach(s -> bySupplier
                        .computeIfAbsent(s.supplier(), k -> new java.util.ArrayList<>())
                        .add(s));
        bySupplier.forEach((supplier, lines) -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("consumption", c.id());
            data.put("item", c.item());
            data.put("location", c.location());
            data.put("reference", c.reference());
            data.put("supplier", supplier);
            data.put("consumedAt", c.consumedAt().toString());
            data.put(
                    "lines",
                    lines.stream()
                            .map(s -> {
                                Map<String, Object> line = new LinkedHashMap<>();
                                line.put("kind", s.kind());
                                line.put("lot", s.lot());
                                line.put("qty", plain(s.qty()));
                                line.put("price", plain(s.price()));
                                line.put("amount", plain(s.amount()));
                                line.put("currency", s.currency());
                                line.put("agreement", s.agreementId());
                                return line;
                            })
                            .toList());
            outbox.publish(new OutboundEvent(
                    WebhookEventTypes.OWNERSHIP_TRANSFERRED,
                    "ownership.transferred:" + c.id() + ":" + supplier,
                    c.item() + "@" + c.location(),
                    supplier,
                    c.consumedAt(),
                    data));
        });
    }

    @OutboxListener
    public void on(StatementStatusChanged e) {
        StatementView s = e.statement();
        String type = switch (s.status()) {
            case "ISSUED" -> WebhookEventTypes.STATEMENT_ISSUED;
            case "CONFIRMED" -> WebhookEventTypes.STATEMENT_CONFIRMED;
            case "DISPUTED" -> WebhookEventTypes.STATEMENT_DISPUTED;
            default -> null;
        };
        if (type == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("statement", s.id());
        data.put("supplier", s.supplier());
        data.put("from", s.from().toString());
        data.put("to", s.to().toString());
        data.put("status", s.status());
        data.put("currency", s.currency());
        data.put("total", plain(s.total()));
        data.put("totalWithTax", plain(s.totalWithTax()));
        data.put("comment", s.comment());
        data.put("answeredBy", s.answeredBy());
        var at = clock.instant();
        outbox.publish(new OutboundEvent(
                type, type + ":" + s.id() + ":" + at.toEpochMilli(), "statement:" + s.id(), s.supplier(), at, data));
    }
}
