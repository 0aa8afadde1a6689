package org.openvmi.rules;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every {@code openvmi.rules.check-interval} (default one minute) for rules whose cron slot has come. Several
 * instances may look at once: each slot of a rule is claimed by one of them only ({@link RuleEngine#runDue()}).
 */
@Component
class RuleJob {

    private final RuleEngine engine;

    RuleJob(RuleEngine engine) {
        this.engine = engine;
    }

    @Scheduled(
            fixedDelayString = "${openvmi.rules.check-interval:PT1M}",
            initialDelayString = "${openvmi.rules.check-interval:PT1M}")
    void check() {
        engine.runDue();
    }
}
