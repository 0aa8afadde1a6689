package org.openvmi.rules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.openvmi.channels.Channels;
import org.openvmi.inventory.ItemWarehouse;
import org.openvmi.planning.RuleSuggestion;
import org.openvmi.planning.RuleTransfer;
import org.openvmi.planning.Suggestions;
import org.openvmi.rules.internal.RuleStore;
import org.openvmi.rules.internal.RunStore;
import org.openvmi.rules.internal.SubjectFacts;
import org.openvmi.rules.model.Action;
import org.openvmi.rules.model.Evaluation;
import org.openvmi.rules.model.Facts;
import org.openvmi.rules.model.FailurePolicy;
import org.openvmi.rules.model.MessageTemplate;
import org.openvmi.rules.model.Outlook;
import org.openvmi.rules.model.RuleDefinition;
import org.openvmi.rules.model.TransferSource;
import org.openvmi.rules.model.Trigger;
import org.openvmi.stockpolicy.Alerts;
import org.openvmi.stockpolicy.RuleAlert;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs rules: every enabled rule whose cron slot has come is claimed (one instance per slot, by a conditional update)
 * and evaluated over the subjects in its scope; its actions are carried out in one transaction per rule, at most
 * once per subject, action and window (the slot's day). A rule that fails is logged FAILED and does not stop the
 * others; after {@value FailurePolicy#MAX_CONSECUTIVE_FAILURES} failures in a row it is disabled with the reason.
 */
@Service
public class RuleEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

    /** The code of a rule switched off after failing runs in a row ({@link RuleView#disabledCode()}, ADR 0084). */
    public static final String DISABLED_AFTER_FAILED_RUNS = "failedRuns";

    private final RuleStore rules;
    private final RunStore runs;
    private final SubjectFacts facts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long budgetMillis;
    private final Alerts alerts;
    private final Suggestions suggestions;
    private final StockPolicies policies;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Channels channels;

    RuleEngine(
            RuleStore rules,
            RunStore runs,
            SubjectFacts facts,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${openvmi.rules.budget-millis:10000}") long budgetMillis,
            Alerts alerts,
            Suggestions suggestions,
            StockPolicies policies,
            org.springframework.context.ApplicationEventPublisher events,
            Channels channels) {
        this.events = events;
        this.channels = channels;
        this.policies = policies;
        this.alerts = alerts;
        this.suggestions = suggestions;
        this.rules = rules;
        this.runs = runs;
        this.facts = facts;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.budgetMillis = budgetMillis;
    }

    /** Evaluates every rule whose slot is due now; returns the runs made (the subjects are read once for all). */
    public List<RuleRunView> runDue() {
        Instant now = clock.instant();
        List<RuleRunView> made = new ArrayList<>();
        List<RuleStore.Stored> enabled = rules.enabled();
        Set<String> mentioned = Outlook.mentioned(
                enabled.stream().map(RuleStore.Stored::definition).toList());
        Supplier<List<SubjectFacts.Subject>> subjects = memo(() -> facts.all(mentioned));
        Evaluation.Values values = new Evaluation.Values(); // each subject's CEL values once for all the rules
        for (RuleStore.Stored rule : enabled) {
            Instant slot = dueSlot(rule, now);
            if (slot != null && rules.claim(rule.id(), slot)) {
                made.add(run(rule, slot, subjects, subjects, null, CRON, values));
            }
        }
        return made;
    }

    /** Evaluates one rule for the window of {@code slot} and carries out its actions (what the cron would do). */
    public RuleRunView run(long ruleId, Instant slot) {
        RuleStore.Stored rule =
                rules.find(ruleId).orElseThrow(() -> new org.openvmi.shared.NotFoundException("Rule", ruleId));
        return run(rule, slot, memo(() -> facts.all(Outlook.mentioned(List.of(rule.definition())))));
    }

    /** The subjects in the rule's scope, read now. */
    List<Facts> subjectsOf(RuleDefinition rule) {
        return inScope(rule, facts.all(Outlook.mentioned(List.of(rule))));
    }

    /** Every subject of one item (by code), in scope or not, with whether the rule's scope admits it. */
    List<Map.Entry<Facts, Boolean>> subjectsOfItem(RuleDefinition rule, String item) {
        return facts.all(Outlook.mentioned(List.of(rule))).stream()
                .filter(s -> s.facts().item().equalsIgnoreCase(item))
                .map(s -> Map.entry(s.facts(), s.inScopeOf(rule)))
                .toList();
    }

    /** The subjects in the rule's scope as they stood at the end of each of the last {@code days} days. */
    void forEachDayOf(RuleDefinition rule, int days, java.util.function.BiConsumer<LocalDate, List<Facts>> sink) {
        facts.forEachDay(
                days,
                Outlook.mentioned(List.of(rule)),
                s -> s.inScopeOf(rule),
                (day, subjects) -> sink.accept(
                        day, subjects.stream().map(SubjectFacts.Subject::facts).toList()));
    }

    long budgetMillis() {
        return budgetMillis;
    }

    private RuleRunView run(RuleStore.Stored rule, Instant slot, Supplier<List<SubjectFacts.Subject>> subjects) {
        return run(rule, slot, subjects, subjects, null, CRON, new Evaluation.Values());
    }

    /** What started a run by cron (the run log's {@code trigger}). */
    static final String CRON = "CRON";

    /**
     * Evaluates the rules triggered by {@code event} on just the subjects it touched, in each rule's scope, and carries
     * out their actions as a cron run does: once per subject, action and window (the day). Returns the runs made
     * (none when no enabled rule listens to the event or nothing touched is in a rule's scope).
     */
    /** Whether an enabled rule listens to the event (from memory: no read). */
    boolean listensTo(Trigger.Event event) {
        return rules.listened().contains(event);
    }

    public List<RuleRunView> runOnEvent(Trigger.Event event, Touched touched) {
        if (touched.isEmpty() || !rules.listened().contains(event)) {
            return List.of(); // no enabled rule listens (kept in memory, ADR 0072): not even the rules are read
        }
        List<RuleStore.Stored> listening = rules.enabled().stream()
                .filter(r -> r.definition().trigger().on(event))
                .toList();
        if (listening.isEmpty() || touched.isEmpty()) {
            return List.of();
        }
        Set<String> mentioned = Outlook.mentioned(
                listening.stream().map(RuleStore.Stored::definition).toList());
        List<SubjectFacts.Subject> read =
                touched.everyItem() ? facts.all(mentioned) : facts.ofItems(touched.itemIds(), mentioned);
        List<SubjectFacts.Subject> subjects = read.stream()
                .filter(s -> touched.contains(s.facts().itemId(), s.facts().warehouseId()))
                .toList();
        Instant now = clock.instant();
        List<RuleRunView> made = new ArrayList<>();
        Evaluation.Values values = new Evaluation.Values();
        for (RuleStore.Stored rule : listening) {
            if (subjects.stream().noneMatch(s -> s.inScopeOf(rule.definition()))) {
                continue; // nothing the event touched is this rule's: no run, no log row
            }
            Set<String> evaluated = new java.util.HashSet<>();
            subjects.forEach(
                    s -> evaluated.add(s.facts().itemId() + ":" + s.facts().warehouseId()));
            // a transfer's source is any warehouse of the item (in the rule's scope), touched by the event or not
            made.add(run(rule, now, () -> subjects, () -> read, evaluated, event.name(), values));
        }
        return made;
    }

    /**
     * The subjects an event touched: item × warehouse {@code pairs}, and {@code items} at every warehouse (or only at
     * {@code warehouse} when given); {@code everyItem}: all items (at {@code warehouse}, or everywhere).
     */
    public record Touched(Set<ItemWarehouse> pairs, Set<Long> items, Long warehouse, boolean everyItem) {

        public Touched {
            pairs = Set.copyOf(pairs);
            items = Set.copyOf(items);
        }

        public static Touched pairs(java.util.Collection<ItemWarehouse> pairs) {
            return new Touched(Set.copyOf(pairs), Set.of(), null, false);
        }

        public static Touched items(java.util.Collection<Long> items, Long warehouse) {
            return new Touched(Set.of(), Set.copyOf(items), warehouse, false);
        }

        public static Touched everything(Long warehouse) {
            return new Touched(Set.of(), Set.of(), warehouse, true);
        }

        boolean isEmpty() {
            return !everyItem && pairs.isEmpty() && items.isEmpty();
        }

        Set<Long> itemIds() {
            Set<Long> ids = new java.util.TreeSet<>(items);
            pairs.forEach(p -> ids.add(p.itemId()));
            return ids;
        }

        boolean contains(long item, long warehouseId) {
            if (pairs.contains(new ItemWarehouse(item, warehouseId))) {
                return true;
            }
            boolean atWarehouse = warehouse == null || warehouse == warehouseId;
            return atWarehouse && (everyItem || items.contains(item));
        }

        /** The union of two (a batch of one event kind); item sets at different warehouses widen to every one. */
        public Touched and(Touched o) {
            Set<ItemWarehouse> p = new java.util.HashSet<>(pairs);
            p.addAll(o.pairs);
            boolean every = everyItem || o.everyItem;
            boolean mine = everyItem || !items.isEmpty();
            boolean theirs = o.everyItem || !o.items.isEmpty();
            Long w = !mine
                    ? o.warehouse
                    : !theirs ? warehouse : java.util.Objects.equals(warehouse, o.warehouse) ? warehouse : null;
            Set<Long> i = new java.util.HashSet<>();
            if (!every) {
                i.addAll(items);
                i.addAll(o.items);
            }
            return new Touched(p, i, w, every);
        }
    }

    /**
     * One run of a rule over {@code subjects} (filtered by its scope); {@code evaluated} ("itemId:warehouseId") limits
     * which earlier alerts a quiet subject may resolve (an event run sees only some subjects; null: all);
     * {@code pool} holds the warehouses a transfer may come from (filtered by the scope too).
     */
    private RuleRunView run(
            RuleStore.Stored rule,
            Instant slot,
            Supplier<List<SubjectFacts.Subject>> subjects,
            Supplier<List<SubjectFacts.Subject>> pool,
            Set<String> evaluated,
            String trigger,
            Evaluation.Values values) {
        String window = LocalDate.ofInstant(slot, clock.getZone()).toString();
        Instant started = clock.instant();
        long t0 = System.currentTimeMillis();
        Evaluation.Outcome outcome;
        try {
            outcome = Evaluation.run(
                    rule.definition(),
                    inScope(rule.definition(), subjects.get()),
                    budgetMillis,
                    System::currentTimeMillis,
                    values);
        } catch (RuntimeException e) {
            outcome = Evaluation.Outcome.failed(
                    List.of(), 0, Evaluation.READ_FAILED, "reading the subjects failed: " + e.getMessage());
        }
        Evaluation.Outcome result = outcome;
        if (result.failed()) {
            return failed(rule, window, started, System.currentTimeMillis() - t0, result, trigger);
        }
        try {
            return tx.execute(s -> {
                long run = runs.record(new RuleRunView(
                                0,
                                rule.id(),
                                window,
                                started,
                                0,
                                "OK",
                                result.subjects(),
                                result.hits().size(),
                                0,
                                null,
                                null,
                                trigger))
                        .id();
                int created = act(rule, run, window, result.hits(), pool);
                resolveQuiet(rule, result.hits(), evaluated);
                long millis = System.currentTimeMillis() - t0;
                runs.finish(run, millis, created);
                rules.succeeded(rule.id());
                return new RuleRunView(
                        run,
                        rule.id(),
                        window,
                        started,
                        millis,
                        "OK",
                        result.subjects(),
                        result.hits().size(),
                        created,
                        null,
                        null,
                        trigger);
            });
        } catch (RuntimeException e) {
            LOG.warn("Rule {} failed carrying out its actions", rule.id(), e);
            return failed(
                    rule,
                    window,
                    started,
                    System.currentTimeMillis() - t0,
                    Evaluation.Outcome.failed(
                            List.of(),
                            result.subjects(),
                            Evaluation.ACTIONS_FAILED,
                            "actions failed: " + e.getMessage()),
                    trigger);
        }
    }

    private RuleRunView failed(
            RuleStore.Stored rule,
            String window,
            Instant started,
            long millis,
            Evaluation.Outcome outcome,
            String trigger) {
        return tx.execute(s -> {
            RuleRunView run = runs.record(new RuleRunView(
                    0,
                    rule.id(),
                    window,
                    started,
                    millis,
                    "FAILED",
                    outcome.subjects(),
                    0,
                    0,
                    outcome.error(),
                    outcome.errorCode(),
                    trigger));
            int failures = rules.failed(rule.id());
            if (FailurePolicy.disables(failures)) {
                LOG.warn(
                        "Rule {} ({}) disabled after {} failed runs: {}",
                        rule.id(),
                        rule.definition().name(),
                        failures,
                        outcome.error());
                rules.disable(
                        rule.id(),
                        DISABLED_AFTER_FAILED_RUNS,
                        "Disabled after " + failures + " failed runs in a row; last: " + outcome.error(),
                        clock.instant());
            }
            return run;
        });
    }

    private int act(
            RuleStore.Stored rule,
            long run,
            String window,
            List<Evaluation.Hit> hits,
            Supplier<List<SubjectFacts.Subject>> pool) {
        int created = 0;
        Instant now = clock.instant();
        List<Action> actions = rule.definition().actions();
        Supplier<Map<Long, List<Facts>>> sources = memo(() -> byItem(inScope(rule.definition(), pool.get())));
        for (Evaluation.Hit hit : hits) {
            Facts f = hit.facts();
            var shown = f.shown();
            for (int i = 0; i < actions.size(); i++) {
                Action a = actions.get(i);
                BigDecimal qty = hit.quantities().get(i);
                TransferSource source = null;
                if (a.type() == Action.Type.TRANSFER_SUGGESTION) {
                    source = TransferSource.choose(a, f, sources.get().getOrDefault(f.itemId(), List.of()), qty)
                            .orElse(null);
                    if (source == null) {
                        continue; // no warehouse in scope can give a unit without going below its safety line
                    }
                    qty = source.qty();
                }
                if (a.type() == Action.Type.SET_SERVICE_LEVEL) {
                    if (f.hasPolicy()
                            && a.serviceLevel()
                                            .compareTo(java.util.Objects.requireNonNullElse(
                                                    policies.get(f.item(), f.warehouse())
                                                            .serviceLevel(),
                                                    BigDecimal.ZERO))
                                    == 0) {
                        continue; // the level is already what the rule wants
                    }
                    qty = a.serviceLevel();
                }
                if (a.type() == Action.Type.PURCHASE_SUGGESTION && (qty == null || qty.signum() <= 0)) {
                    continue; // nothing to buy
                }
                if (a.type() == Action.Type.SET_SAFETY_STOCK
                        && (qty == null || (f.hasPolicy() && qty.compareTo(f.safety()) == 0))) {
                    continue; // the line is already what the rule wants
                }
                if (a.type() == Action.Type.CLEARANCE_TASK && runs.openTask(rule.id(), f)) {
                    continue; // the stock is marked stale already: one open task per subject
                }
                if (a.type().onChannel() && channelAsWanted(a, f)) {
                    continue; // held paused already (or not held paused: nothing for a rule to resume)
                }
                Long firing = runs.fire(
                        rule.id(),
                        run,
                        f,
                        i,
                        a.type().name(),
                        window,
                        a.severity() == null ? null : a.severity().name(),
                        a.type() == Action.Type.ALERT ? MessageTemplate.render(a.messageEn(), shown) : null,
                        a.type() == Action.Type.ALERT ? MessageTemplate.render(a.messageZh(), shown) : null,
                        qty,
                        now);
                if (firing == null) {
                    continue;
                }
                events.publishEvent(new RuleFired(
                        firing,
                        rule.id(),
                        rule.definition().name(),
                        f.item(),
                        f.warehouse(),
                        a.type().name(),
                        window,
                        a.type() == Action.Type.ALERT && a.severity() != null
                                ? a.severity().name()
                                : a.type() == Action.Type.ALERT ? Action.Severity.WARNING.name() : null,
                        a.type() == Action.Type.ALERT ? MessageTemplate.render(a.messageEn(), shown) : null,
                        a.type() == Action.Type.ALERT || a.type() == Action.Type.CLEARANCE_TASK ? null : qty,
                        now));
                // the firing is the once-per-window guard: the alert centre and planning get the action exactly when
                // it is recorded, in the same transaction (a failure rolls all of the rule's actions back)
                if (a.type() == Action.Type.ALERT) {
                    alerts.raise(new RuleAlert(
                            rule.id(),
                            f.itemId(),
                            f.warehouseId(),
                            window,
                            a.severity() == null
                                    ? Action.Severity.WARNING.name()
                                    : a.severity().name(),
                            MessageTemplate.render(a.messageEn(), shown),
                            MessageTemplate.render(a.messageZh(), shown),
                            f.onHand()));
                }
                if (a.type() == Action.Type.PURCHASE_SUGGESTION) {
                    suggestions.suggest(new RuleSuggestion(
                            rule.id(),
                            rule.definition().name(),
                            f.itemId(),
                            f.warehouseId(),
                            f.supplier(),
                            qty,
                            f.onHand(),
                            f.reserved(),
                            f.onOrder(),
                            f.inTransit(),
                            f.committed(),
                            f.demand30d(),
                            f.safety(),
                            f.warning(),
                            f.max(),
                            f.supplierLeadTimeDays()));
                }
                if (a.type() == Action.Type.SET_SAFETY_STOCK) {
                    setSafety(f, qty);
                }
                if (a.type() == Action.Type.TRANSFER_SUGGESTION) {
                    suggestions.suggestTransfer(new RuleTransfer(
                            rule.id(),
                            rule.definition().name(),
                            f.itemId(),
                            f.warehouseId(),
                            source.warehouseId(),
                            qty,
                            Set.copyOf(rule.definition().scope().warehouses()),
                            f.onHand(),
                            f.reserved(),
                            f.onOrder(),
                            f.inTransit(),
                            f.committed(),
                            f.demand30d(),
                            f.safety(),
                            f.warning(),
                            f.max(),
                            source.max()));
                }
                if (a.type() == Action.Type.SET_SERVICE_LEVEL
                        && !policies.setServiceLevelByRule(rule.id(), f.itemId(), f.warehouseId(), qty)) {
                    continue;
                }
                if (a.type().onChannel()
                        && !channels.holdByRule(
                                        rule.id(),
                                        a.channel(),
                                        f.itemId(),
                                        a.type() == Action.Type.CHANNEL_PAUSE,
                                        rule.definition().name())
                                .changed()) {
                    continue; // a person's pause, which a rule does not lift (or another subject of the item moved it)
                }
                if (a.type() == Action.Type.CLEARANCE_TASK) {
                    runs.openTask(
                            rule.id(),
                            firing,
                            f,
                            a.assignee() == null || a.assignee().isBlank() ? rule.owner() : a.assignee(),
                            LocalDate.now(clock).plusDays(a.dueInDays()),
                            now);
                }
                created++;
            }
        }
        return created;
    }

    /**
     * Whether the channel is already as the action wants it, by the figures read with the subject: a pause when the
     * channel is held paused for the item (by a rule or a person), a resume when it is not held paused.
     */
    private static boolean channelAsWanted(Action a, Facts f) {
        boolean held = f.outlook().channels().held().contains(a.channel());
        return a.type() == Action.Type.CHANNEL_PAUSE ? held : !held;
    }

    /**
     * Sets the subject's safety line through stock policy's API (audited, alerts re-judged), keeping its warning and
     * max lines unless they are below the new safety line; a subject without lines gets all three at the new value.
     */
    private void setSafety(Facts f, BigDecimal safety) {
        StockPolicyCommand c = f.hasPolicy()
                ? StockPolicyCommand.from(policies.get(f.item(), f.warehouse()))
                : new StockPolicyCommand();
        BigDecimal warning = c.getWarning() == null ? safety : c.getWarning().max(safety);
        BigDecimal max = c.getMax() == null ? warning : c.getMax().max(warning);
        c.setSafety(safety);
        c.setWarning(warning);
        c.setMax(max);
        c.setVersion(null); // the rule's own read is the latest: a concurrent edit is overwritten, as a planning run
        policies.put(f.item(), f.warehouse(), c);
    }

    /**
     * Resolves the open alerts of the rule on the subjects it alerted before and that do not fire now (the condition
     * stopped holding, or the subject left the rule's scope): an alert says what is true, not what once was.
     */
    private void resolveQuiet(RuleStore.Stored rule, List<Evaluation.Hit> hits, Set<String> evaluated) {
        java.util.Set<String> firing = new java.util.HashSet<>();
        for (Evaluation.Hit h : hits) {
            firing.add(h.facts().itemId() + ":" + h.facts().warehouseId());
        }
        for (long[] subject : runs.alerted(rule.id())) {
            String key = subject[0] + ":" + subject[1];
            if (!firing.contains(key) && (evaluated == null || evaluated.contains(key))) {
                alerts.resolveRuleAlerts(rule.id(), subject[0], subject[1]);
            }
        }
    }

    /** The subjects by item id. */
    static Map<Long, List<Facts>> byItem(List<Facts> subjects) {
        Map<Long, List<Facts>> by = new java.util.HashMap<>();
        subjects.forEach(
                f -> by.computeIfAbsent(f.itemId(), k -> new ArrayList<>(2)).add(f));
        return by;
    }

    private static List<Facts> inScope(RuleDefinition rule, List<SubjectFacts.Subject> subjects) {
        return subjects.stream()
                .filter(s -> s.inScopeOf(rule))
                .map(SubjectFacts.Subject::facts)
                .toList();
    }

    /** The latest cron slot after the last claimed one (or the rule's creation) that is not in the future. */
    Instant dueSlot(RuleStore.Stored rule, Instant now) {
        String cron = rule.definition().trigger().cron();
        if (cron == null || !CronExpression.isValidExpression(cron)) {
            return null;
        }
        CronExpression expression = CronExpression.parse(cron);
        Instant from = rule.lastSlot() != null ? rule.lastSlot() : rule.createdAt();
        ZonedDateTime next = expression.next(from.atZone(clock.getZone()));
        if (next == null || next.toInstant().isAfter(now)) {
            return null;
        }
        // slots missed while down are not caught up one by one: the latest stands for them
        for (int i = 0; i < 100_000; i++) {
            ZonedDateTime after = expression.next(next);
            if (after == null || after.toInstant().isAfter(now)) {
                break;
            }
            next = after;
        }
        return next.toInstant();
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
