package org.openvmi.consignment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.consignment.model.SettlementCycle;
import org.openvmi.consignment.model.SettlementPeriods;
import org.openvmi.shared.cluster.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the DRAFT statements of the cycle: for every supplier with an active agreement, once its last period (by the
 * cycle of its oldest active agreement) has ended and it has open lines up to that period's end, and no statement of
 * that period exists yet. Runs every {@code openvmi.settlements.cycle-check} (default PT1H) on the injected clock.
 */
@Component
public class StatementCycleJob {

    private static final Logger LOG = LoggerFactory.getLogger(StatementCycleJob.class);

    private final JdbcClient jdbc;
    private final Settlements settlements;
    private final Clock clock;
    private final CatalogRefs refs;

    private final JobLocks locks;

    StatementCycleJob(JdbcClient jdbc, Settlements settlements, Clock clock, CatalogRefs refs, JobLocks locks) {
        this.locks = locks;
        this.refs = refs;
        this.jdbc = jdbc;
        this.settlements = settlements;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${openvmi.settlements.cycle-check:PT1H}",
            initialDelayString = "${openvmi.settlements.cycle-check:PT1H}")
    public void scheduled() {
        locks.runOnce("consignment-statement-cycle", Duration.ofMinutes(30), Duration.ZERO, this::run);
    }

    /** Returns how many statements it made. */
    public int run() {
        record Active(long supplierId, String cycle, Integer day) {}
        record Due(long supplierId, String supplier, String cycle, Integer day) {}
        List<Active> active = jdbc.sql("""
                SELECT a.supplier_id, v.settlement_cycle, v.settlement_day FROM vmi_agreement a
                JOIN vmi_agreement_version v ON v.agreement_id = a.id AND v.version_no = a.current_version
                WHERE a.status = 'ACTIVE' AND a.id = (SELECT MIN(a2.id) FROM vmi_agreement a2
                                                      WHERE a2.supplier_id = a.supplier_id AND a2.status = 'ACTIVE')""")
                .query((rs, n) -> new Active(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class)))
                .list();
        Map<Long, String> codes = refs.supplierCodes(
                active.stream().map(Active::supplierId).distinct().toList());
        List<Due> suppliers = active.stream()
                .filter(a -> codes.containsKey(a.supplierId()))
                .map(a -> new Due(a.supplierId(), codes.get(a.supplierId()), a.cycle(), a.day()))
                .toList();
        LocalDate today = LocalDate.now(clock);
        int made = 0;
        for (Due due : suppliers) {
            SettlementPeriods.Period p =
                    SettlementPeriods.lastClosed(SettlementCycle.valueOf(due.cycle()), due.day(), today);
            boolean exists = jdbc.sql("""
                    SELECT COUNT(*) FROM vmi_settlement_statement WHERE supplier_id = :s AND period_from = :f AND period_to = :t""")
                            .param("s", due.supplierId())
                            .param("f", p.from())
                            .param("t", p.to())
                            .query(Long.class)
                            .single()
                    > 0;
            boolean open = jdbc.sql("""
                    SELECT COUNT(*) FROM vmi_settlement_line WHERE supplier_id = :s AND statement_id IS NULL AND occurred_on <= :t""")
                            .param("s", due.supplierId())
                            .param("t", p.to())
                            .query(Long.class)
                            .single()
                    > 0;
            if (!exists && open) {
                try {
                    settlements.generate(new StatementRequest(due.supplier(), p.from(), p.to(), null));
                    made++;
                } catch (RuntimeException e) {
                    LOG.warn(
                            "Statement of {} for {}..{} not made: {}",
                            due.supplier(),
                            p.from(),
                            p.to(),
                            e.getMessage());
                }
            }
        }
        return made;
    }
}
