package org.openvmi.supplier.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openvmi.procurement.AvailableStockChanged;
import org.openvmi.stockpolicy.Alerts;
import org.openvmi.supplier.StockSource;
import org.openvmi.supplier.SupplierStockLine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores checked lines of one supplier (current row + history) and judges each against its low-water mark, in the
 * caller's transaction: the API, the upload and the portal form all write through here. A line without as-of is as of
 * now, except an uploaded row whose figures did not change: it keeps the as-of it had, so re-uploading the template
 * with a few rows edited does not make the untouched, possibly stale, rows look fresh.
 * Publishes {@link AvailableStockChanged} so planning re-plans the reported items.
 */
@Component
public class SupplierStockWriter {

    /** A checked line and the source-list item it names. */
    public record Resolved(SupplierStockRepository.SourceItem item, SupplierStockLine line) {}

    private final SupplierStockRepository repository;
    private final Alerts alerts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SupplierStockWriter(
            SupplierStockRepository repository, Alerts alerts, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** @return how many rows existed before (updated); the rest were created */
    public int store(long supplierId, List<Resolved> lines, StockSource source, String user) {
        Instant now = clock.instant();
        Map<Long, SupplierStockRepository.Stored> stored = repository.storedForUpdate(supplierId);
        List<SupplierStockRepository.Write> rows = new ArrayList<>(lines.size());
        int updated = 0;
        for (Resolved r : lines) {
            SupplierStockLine l = r.line();
            SupplierStockRepository.Stored before = stored.get(r.item().itemId());
            updated += before == null ? 0 : 1;
            var lowWater = l.getLowWater() != null ? l.getLowWater() : before == null ? null : before.lowWater();
            Instant asOf = l.getAsOf() == null || l.getAsOf().toInstant().isAfter(now)
                    ? now
                    : l.getAsOf().toInstant();
            if (source == StockSource.FILE && l.getAsOf() == null && before != null && unchanged(before, l, lowWater)) {
                asOf = before.asOf(); // an untouched row of the template is no news: it keeps its as-of (ADR 0037)
            }
            rows.add(new SupplierStockRepository.Write(
                    supplierId,
                    r.item().itemId(),
                    l.getAvailable(),
                    l.getInProduction(),
                    l.getAvailableFrom(),
                    l.getLeadTimeDays(),
                    lowWater,
                    asOf,
                    source,
                    now,
                    user));
        }
        repository.save(rows, stored);
        for (SupplierStockRepository.Write w : rows) {
            if (w.lowWater() != null) {
                alerts.judgeSupplierStock(supplierId, w.itemId(), w.available(), w.lowWater());
            }
        }
        if (!rows.isEmpty()) {
            events.publishEvent(new AvailableStockChanged(
                    supplierId,
                    rows.stream()
                            .map(SupplierStockRepository.Write::itemId)
                            .distinct()
                            .toList()));
        }
        return updated;
    }

    private static boolean unchanged(SupplierStockRepository.Stored before, SupplierStockLine l, BigDecimal lowWater) {
        return same(before.available(), l.getAvailable())
                && same(before.inProduction(), l.getInProduction() == null ? BigDecimal.ZERO : l.getInProduction())
                && Objects.equals(before.availableFrom(), l.getAvailableFrom())
                && Objects.equals(before.leadTimeDays(), l.getLeadTimeDays())
                && same(before.lowWater(), lowWater);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
