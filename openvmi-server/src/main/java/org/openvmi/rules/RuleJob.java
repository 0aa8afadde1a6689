package org.openvmi.rules;

import java.time.Duration;
import org.openvmi.shared.cluster.JobLocks;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every {@code openvmi.rules.check-interval} (default one minute) for rules whose cron slot has come. Several
 * instances may look at once: each slot of a rule is claimed by one of them only ({@link RuleEngine#runDue()}).
 */
@Component
class RuleJob {

    private final RuleEngine engine;
    private final JobLocks locks;

    RuleJob(RuleEngine engine, JobLocks locks) {
        this.engine = engine;
        this.locks = locks;
    }

    @Scheduled(
            fixedDelayString = "${openvmi.rules.check-interval:PT1M}",
            initialDelayString = "${openvmi.rules.check-interval:PT1M}")
    void check() {
        // one instance at a time: two would both find a rule due and run it twice (ADR 0064)
        locks.runOnce("rules-due", Duration.ofMinutes(30), Duration.ZERO, engine::runDue);
    }
}
