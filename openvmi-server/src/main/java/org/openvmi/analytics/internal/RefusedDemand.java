package org.openvmi.analytics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openvmi.analytics.model.SnapshotKey;
import org.openvmi.inventory.IssueRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demand that was not served (issues and consumptions refused for lack of stock), kept in {@code analytics_refusal}.
 * The refusal is published inside the posting's transaction, which rolls back, so the row must be written in a
 * transaction of its own. Not from the posting's thread: that thread still holds its connection, and under load (many
 * refused postings at once) waiting there for a second one starves the pool. The listener only queues the refusal;
 * a background thread writes the queue, and every read ({@link #byKeyAndDay}) writes what is still queued first. A
 * failure to write is logged, never thrown: the caller gets its 409 whatever happens here.
 */
@Component
public class RefusedDemand {

    private static final Logger log = LoggerFactory.getLogger(RefusedDemand.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final java.util.Queue<IssueRefused> queued = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ExecutorService writer =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "analytics-refusals");
                t.setDaemon(true);
                return t;
            });

    RefusedDemand(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    public void on(IssueRefused refused) {
        queued.add(refused);
        try {
            writer.execute(this::writeQueued);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // written by the next read, or lost with the shutdown
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        writer.shutdown();
        writeQueued();
    }

    /** Writes every queued refusal in one transaction of its own. */
    public synchronized void writeQueued() {
        List<IssueRefused> batch = new ArrayList<>();
        for (IssueRefused r = queued.poll(); r != null; r = queued.poll()) {
            batch.add(r);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> batch.forEach(this::insert));
        } catch (RuntimeException e) {
            log.warn("{} refused issue(s) not recorded for the analytics: {}", batch.size(), e.toString());
        }
    }

    private void insert(IssueRefused refused) {
        jdbc.sql("""
                INSERT INTO analytics_refusal (item, warehouse, owner, movement_type, refused_day, refused_at,
                                               requested_qty, available_qty)
                VALUES (:item, :warehouse, :owner, :type, :day, :at, :requested, :available)""")
                .param("item", refused.item())
                .param("warehouse", refused.warehouse())
                .param("owner", refused.owner() == null ? SnapshotKey.OWN : refused.owner())
                .param("type", refused.type())
                .param("day", Date.valueOf(LocalDate.ofInstant(refused.at(), clock.getZone())))
                .param("at", Timestamp.from(refused.at()))
                .param("requested", refused.requested())
                .param("available", refused.available().max(BigDecimal.ZERO))
                .update();
    }

    /** The refused quantity per key and day in {@code [from, to]} of the keys in the filter (null: no condition). */
    public Map<SnapshotKey, Map<LocalDate, BigDecimal>> byKeyAndDay(
            LocalDate from, LocalDate to, String warehouse, String owner, Collection<String> items) {
        writeQueued();
        Map<SnapshotKey, Map<LocalDate, BigDecimal>> result = new HashMap<>();
        if (items != null && items.isEmpty()) {
            return result;
        }
        ScopeFilter filter = new ScopeFilter(items, warehouse, owner);
        Map<String, Object> p = filter.params();
        p.put("to", Date.valueOf(to));
        if (from != null) {
            p.put("from", Date.valueOf(from));
        }
        jdbc.sql("SELECT item, warehouse, owner, refused_day, SUM(requested_qty) AS qty FROM analytics_refusal"
                        + filter.whereAnd() + "refused_day <= :to" + (from == null ? "" : " AND refused_day >= :from")
                        + " GROUP BY item, warehouse, owner, refused_day")
                .params(p)
                .query(rs -> {
                    result.computeIfAbsent(
                                    new SnapshotKey(
                                            rs.getString("item"), rs.getString("warehouse"), rs.getString("owner")),
                                    k -> new TreeMap<>())
                            .merge(rs.getDate("refused_day").toLocalDate(), rs.getBigDecimal("qty"), BigDecimal::add);
                });
        return result;
    }
}
