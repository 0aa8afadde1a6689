package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.openvmi.consignment.internal.VmiFactsRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of VMI service a supplier scorecard and the consignment KPIs are computed from (docs/kpis.md): SLA
 * episodes, confirmed call-offs and their delivery, settlement statements and consumption value. Not scoped here: the caller (analytics) decides who may read
 * which supplier's figures. A null supplier or warehouse code leaves that dimension open.
 */
@Service
public class VmiFacts {

    /**
     * One below-min episode of a VMI line: when the stock fell below min, when it was due back (the agreement's
     * replenish-within hours), when it was replenished and how late, the stockout hours inside it (and since when it is
     * at zero now, if it is), and the penalty rates of the agreement (null when the agreement defines none).
     */
    public record SlaEpisode(
            String supplier,
            String item,
            String warehouse,
            Instant belowSince,
            Instant dueAt,
            Instant replenishedAt,
            BigDecimal lateHours,
            BigDecimal stockoutHours,
            Instant stockoutSince,
            BigDecimal penaltyPerLateHour,
            BigDecimal penaltyPerStockoutDay) {}

    /** A settlement statement issued to a supplier, and when (if ever) the supplier disputed it. */
    public record Statement(
            long id,
            String supplier,
            LocalDate from,
            LocalDate to,
            String status,
            BigDecimal total,
            Instant issuedAt,
            Instant disputedAt) {}

    /**
     * A confirmed call-off (要货) and its delivery: due at the end of its needed-by day (the agreed date, after an
     * accepted proposal the proposed one) in the server's time zone; {@code filledQty} what shipments filled of it;
     * delivered when they covered its quantity and all of them were received in full (the last one's receipt time),
     * else {@code deliveredAt} is null.
     */
    public record CallOffDelivery(
            long id,
            String supplier,
            String item,
            String warehouse,
            BigDecimal qty,
            LocalDate neededBy,
            Instant dueAt,
            BigDecimal filledQty,
            Instant deliveredAt) {}

    /** Consumption value (settlement amounts) of one supplier's item on one day. */
    public record Consumption(String supplier, String item, LocalDate day, BigDecimal amount) {}

    private final VmiFactsRepository repository;
    private final Clock clock;

    VmiFacts(VmiFactsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Call-offs confirmed by the supplier (CONFIRMED, PARTIALLY_SHIPPED, SHIPPED) needed by a day from {@code from}
     * through {@code to}: a call-off belongs to the period in which it is due. Call-offs shipped before shipments
     * recorded what they filled (vmi_calloff_fill) are left out: their delivery time is not known.
     */
    @Transactional(readOnly = true)
    public List<CallOffDelivery> callOffDeliveries(String supplier, String warehouse, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return repository.callOffs(supplier, warehouse, from, to).stream()
                .filter(c -> c.filled().compareTo(c.shipped()) >= 0)
                .map(c -> new CallOffDelivery(
                        c.id(),
                        c.supplier(),
                        c.item(),
                        c.warehouse(),
                        c.qty(),
                        c.neededBy(),
                        c.neededBy().plusDays(1).atStartOfDay(zone).toInstant(),
                        c.filled(),
                        c.filled().compareTo(c.qty()) >= 0 && c.openShipments() == 0 ? c.receivedAt() : null))
                .toList();
    }

    /** Episodes due in {@code [from, to)}: an episode belongs to the period in which its replenishment was due. */
    @Transactional(readOnly = true)
    public List<SlaEpisode> slaEpisodes(String supplier, String warehouse, Instant from, Instant to) {
        return repository.episodes(supplier, warehouse, from, to);
    }

    /** Statements issued in {@code [from, to)}. */
    @Transactional(readOnly = true)
    public List<Statement> statements(String supplier, Instant from, Instant to) {
        return repository.statements(supplier, from, to);
    }

    /** Every statement (for the finance dashboard's statements by status), newest period first. */
    @Transactional(readOnly = true)
    public List<Statement> allStatements(String supplier) {
        return repository.statements(supplier, null, null);
    }

    /** Consumption value per supplier and day from {@code from} through {@code to}, days without consumption absent. */
    @Transactional(readOnly = true)
    public List<Consumption> consumption(String supplier, String warehouse, LocalDate from, LocalDate to) {
        return repository.consumption(supplier, warehouse, from, to);
    }
}
