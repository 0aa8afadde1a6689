package org.openvmi.rules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openvmi.catalog.ItemScopes;
import org.openvmi.channels.Channels;
import org.openvmi.rules.internal.RuleStore;
import org.openvmi.rules.internal.RunStore;
import org.openvmi.rules.model.Action;
import org.openvmi.rules.model.Evaluation;
import org.openvmi.rules.model.Expression;
import org.openvmi.rules.model.Facts;
import org.openvmi.rules.model.MessageTemplate;
import org.openvmi.rules.model.RuleDefinition;
import org.openvmi.rules.model.Templates;
import org.openvmi.rules.model.TransferSource;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules' use cases: list, read, write (each change a version: who, when, what), validate a CEL text, dry-run a
 * rule now, the templates, the run log and what the rules did. Rules belong to the buyer side; the web layer keeps
 * suppliers out, and a supplier-owned rule ({@code ownerSupplier}) reads that supplier's items only.
 */
@Service
public class Rules {

    /** A cron that fires more often than this is refused: a rule re-reads every subject each time. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(5);

    /** A back-test goes back at most a year (the ledger is read from a further year back for the day counts). */
    public static final int MAX_BACKTEST_DAYS = 365;

    public static final int DEFAULT_BACKTEST_DAYS = 90;

    private final RuleStore store;
    private final RunStore runs;
    private final RuleEngine engine;
    private final ItemScopes items;
    private final Clock clock;
    private final MessageSource messages;
    private final Channels channels;
    private final org.openvmi.catalog.PlanningCatalog catalog;

    Rules(
            RuleStore store,
            RunStore runs,
            RuleEngine engine,
            ItemScopes items,
            Clock clock,
            MessageSource messages,
            Channels channels,
            org.openvmi.catalog.PlanningCatalog catalog) {
        this.channels = channels;
        this.catalog = catalog;
        this.messages = messages;
        this.store = store;
        this.runs = runs;
        this.engine = engine;
        this.items = items;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<RuleView> find(PageRequest page) {
        List<RuleView> rows = store.page((int) page.offset(), page.size()).stream()
                .map(RuleStore.Stored::view)
                .toList();
        return new PageResult<>(rows, page.page(), page.size(), store.count());
    }

    @Transactional(readOnly = true)
    public RuleView get(long id) {
        return stored(id).view();
    }

    @Transactional
    public RuleView create(RuleRequest request) {
        RuleDefinition d = request.definition();
        check(d);
        long id = store.insert(d, CurrentUser.name(), Boolean.TRUE.equals(request.enabled()), clock.instant());
        return get(id);
    }

    /** Replaces a rule; {@code version} when given must match (409). Re-enabling clears the failure count. */
    @Transactional
    public RuleView update(long id, RuleRequest request) {
        RuleStore.Stored current = stored(id);
        RuleDefinition d = request.definition();
        check(d);
        int expected = request.version() == null ? current.version() : request.version();
        boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
        if (expected == current.version() && d.equals(current.definition()) && enabled == current.enabled()) {
            return current.view(); // a form saved unchanged changes nothing: no new version, no "changed by"
        }
        if (!store.update(id, expected, d, enabled, CurrentUser.name(), clock.instant())) {
            throw new ConflictException(
                    "version",
                    "the rule was changed meanwhile (now version " + stored(id).version() + "); reload it");
        }
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        stored(id);
        store.delete(id, CurrentUser.name(), clock.instant());
    }

    @Transactional(readOnly = true)
    public List<RuleVersionView> versions(long id) {
        stored(id);
        return store.versions(id);
    }

    /** Checks a CEL text without saving anything: ok, or each error with its line and column. */
    public ValidationResult validate(ValidationRequest request) {
        Expression.Result kind = request != null && "QUANTITY".equalsIgnoreCase(request.kind())
                ? Expression.Result.QUANTITY
                : Expression.Result.CONDITION;
        Expression.Compilation c = Expression.compile(request == null ? null : request.expression(), kind);
        return new ValidationResult(
                c.ok(),
                c.problems().stream()
                        .map(p -> new ValidationResult.Problem(
                                p.line(),
                                p.column(),
                                p.message(),
                                p.code(),
                                p.args().stream().map(String::valueOf).toList()))
                        .toList());
    }

    /** Evaluates a stored rule now over its scope, writing nothing: which subjects fire, with their values. */
    @Transactional(readOnly = true)
    public DryRunView dryRun(long id) {
        RuleStore.Stored rule = stored(id);
        return dryRun(id, rule.definition());
    }

    /** Evaluates a rule as written (not saved yet, e.g. in the editor), writing nothing. */
    @Transactional(readOnly = true)
    public DryRunView dryRun(RuleRequest request) {
        RuleDefinition d = request.definition();
        check(d);
        return dryRun(0, d);
    }

    private DryRunView dryRun(long id, RuleDefinition d) {
        long t0 = System.currentTimeMillis();
        List<Facts> subjects = engine.subjectsOf(d);
        Evaluation.Outcome out = Evaluation.run(d, subjects, engine.budgetMillis(), System::currentTimeMillis);
        boolean zh = chinese();
        Map<Long, List<Facts>> sources = RuleEngine.byItem(subjects);
        List<DryRunView.Hit> hits = new ArrayList<>();
        for (Evaluation.Hit h : out.hits()) {
            var shown = h.facts().shown();
            List<DryRunView.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < d.actions().size(); i++) {
                Action a = d.actions().get(i);
                String message = a.type() == Action.Type.ALERT
                        ? MessageTemplate.render(zh ? a.messageZh() : a.messageEn(), shown)
                        : a.type().onChannel() ? a.channel() : null;
                BigDecimal qty = h.quantities().get(i);
                if (a.type() == Action.Type.TRANSFER_SUGGESTION) {
                    // what the run would create: from which warehouse, cut to what it holds above its safety line
                    var source = TransferSource.choose(
                                    a, h.facts(), sources.getOrDefault(h.facts().itemId(), List.of()), qty)
                            .orElse(null);
                    message = source == null ? null : source.warehouse();
                    qty = source == null ? BigDecimal.ZERO : source.qty();
                } else if (a.type() == Action.Type.SET_SERVICE_LEVEL) {
                    qty = a.serviceLevel();
                }
                outcomes.add(new DryRunView.Outcome(
                        a.type().name(),
                        a.severity() == null ? null : a.severity().name(),
                        message,
                        qty));
            }
            hits.add(new DryRunView.Hit(h.facts().item(), h.facts().warehouse(), shown, outcomes));
        }
        return new DryRunView(
                id, out.subjects(), out.hits().size(), System.currentTimeMillis() - t0, out.error(), hits);
    }

    /**
     * Evaluates a rule as written on one item's warehouses ("test on this item"), writing nothing. A warehouse outside
     * the rule's scope is named but not evaluated (a rule reads only its scope).
     */
    @Transactional(readOnly = true)
    public List<ItemTestView> testOn(RuleRequest request, String item) {
        RuleDefinition d = request.definition();
        check(d);
        String code = item == null ? "" : item.trim();
        List<ItemTestView> out = new ArrayList<>();
        for (Map.Entry<Facts, Boolean> s : engine.subjectsOfItem(d, code)) {
            Facts f = s.getKey();
            if (!s.getValue()) {
                out.add(new ItemTestView(f.item(), f.warehouse(), false, false, null, Map.of()));
                continue;
            }
            Evaluation.Outcome o = Evaluation.run(d, List.of(f), engine.budgetMillis(), System::currentTimeMillis);
            out.add(new ItemTestView(
                    f.item(), f.warehouse(), true, !o.failed() && o.hits().size() == 1, o.error(), f.shown()));
        }
        return out;
    }

    /**
     * Back-tests a stored rule: evaluates it once per day over the last {@code days} days on the subjects of its scope
     * as they stood at the end of each day (rebuilt from the ledger, see {@code SubjectFacts#forEachDay}), writing
     * nothing; how often and for which subjects it would have fired, and what its actions would have created.
     */
    @Transactional(readOnly = true)
    public BacktestView backtest(long id, BacktestRequest request) {
        RuleStore.Stored rule = stored(id);
        Integer asked = request == null ? null : request.days();
        int days = asked == null ? DEFAULT_BACKTEST_DAYS : asked;
        if (days < 1 || days > MAX_BACKTEST_DAYS) {
            FieldErrors errors = new FieldErrors();
            errors.add(
                    "days",
                    CodedRefusal.of("rules.backtestDays", "must be from 1 to " + MAX_BACKTEST_DAYS, MAX_BACKTEST_DAYS));
            errors.throwIfAny();
        }
        RuleDefinition d = rule.definition();
        long t0 = System.currentTimeMillis();
        long deadline = t0 + engine.budgetMillis();
        List<BacktestView.Day> perDay = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>(); // subject → {days}
        Map<String, LocalDate[]> spans = new HashMap<>(); // subject → {first, last}
        int[] actionCounts = new int[d.actions().size()];
        BigDecimal[] quantities = new BigDecimal[d.actions().size()];
        java.util.Arrays.fill(quantities, BigDecimal.ZERO);
        int[] subjects = {0};
        String[] error = {null};
        engine.forEachDayOf(d, days, (day, facts) -> {
            if (error[0] != null) {
                return;
            }
            subjects[0] = facts.size();
            Evaluation.Outcome out = Evaluation.run(
                    d, facts, Math.max(0, deadline - System.currentTimeMillis()), System::currentTimeMillis);
            if (out.failed()) {
                error[0] = day + ": " + out.error();
                return;
            }
            perDay.add(new BacktestView.Day(day, out.hits().size()));
            for (Evaluation.Hit h : out.hits()) {
                String key = h.facts().item() + "\u0000" + h.facts().warehouse();
                counts.computeIfAbsent(key, k -> new int[1])[0]++;
                spans.computeIfAbsent(key, k -> new LocalDate[] {day, day})[1] = day;
                for (int i = 0; i < d.actions().size(); i++) {
                    Action.Type type = d.actions().get(i).type();
                    BigDecimal qty = h.quantities().get(i);
                    if (type == Action.Type.ALERT) {
                        actionCounts[i]++;
                    } else if (type == Action.Type.PURCHASE_SUGGESTION && qty != null && qty.signum() > 0) {
                        actionCounts[i]++;
                        quantities[i] = quantities[i].add(qty);
                    } else if (type == Action.Type.TRANSFER_SUGGESTION && qty != null && qty.signum() > 0) {
                        actionCounts[i]++; // the back-test counts what the rule asks for, not a source's stock then
                        quantities[i] = quantities[i].add(qty);
                    } else if (type == Action.Type.SET_SERVICE_LEVEL) {
                        actionCounts[i]++;
                    } else if (type == Action.Type.SET_SAFETY_STOCK && qty != null) {
                        actionCounts[i]++;
                    } else if (type.onChannel()) {
                        actionCounts[i]++;
                    }
                }
            }
        });
        List<BacktestView.SubjectCount> perSubject = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] parts = key.split("\u0000", 2);
            LocalDate[] span = spans.get(key);
            perSubject.add(new BacktestView.SubjectCount(parts[0], parts[1], n[0], span[0], span[1]));
        });
        perSubject.sort(Comparator.comparingInt(BacktestView.SubjectCount::days)
                .reversed()
                .thenComparing(BacktestView.SubjectCount::item)
                .thenComparing(BacktestView.SubjectCount::warehouse));
        List<BacktestView.ActionCount> actions = new ArrayList<>();
        for (int i = 0; i < d.actions().size(); i++) {
            Action.Type type = d.actions().get(i).type();
            actions.add(
                    switch (type) {
                        case CLEARANCE_TASK -> new BacktestView.ActionCount(type.name(), counts.size(), null);
                        case PURCHASE_SUGGESTION, TRANSFER_SUGGESTION ->
                            new BacktestView.ActionCount(type.name(), actionCounts[i], quantities[i]);
                        default -> new BacktestView.ActionCount(type.name(), actionCounts[i], null);
                    });
        }
        LocalDate to = LocalDate.now(clock);
        int firings = perDay.stream().mapToInt(BacktestView.Day::fired).sum();
        int daysFiring = (int) perDay.stream().filter(x -> x.fired() > 0).count();
        return new BacktestView(
                id,
                days,
                to.minusDays(days - 1L),
                to,
                subjects[0],
                firings,
                daysFiring,
                System.currentTimeMillis() - t0,
                error[0],
                perDay,
                perSubject,
                actions);
    }

    /** The seed rules, their titles, rule names and descriptions in the caller's language (message bundles). */
    public List<TemplateView> templates() {
        return Templates.ALL.stream().map(this::view).toList();
    }

    /** One seed rule by its key, in the caller's language; empty for an unknown key. */
    public java.util.Optional<TemplateView> template(String key) {
        return Templates.byKey(key).map(this::view);
    }

    private TemplateView view(Templates.Template t) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean zh = chinese();
        String title = messages.getMessage(t.titleKey(), null, zh ? t.nameZh() : t.nameEn(), locale);
        return new TemplateView(
                t.key(), title, t.localized((key, fallback) -> messages.getMessage(key, null, fallback, locale)));
    }

    @Transactional(readOnly = true)
    public PageResult<RuleRunView> runs(long id, PageRequest page) {
        stored(id);
        return new PageResult<>(
                runs.runs(id, (int) page.offset(), page.size()), page.page(), page.size(), runs.countRuns(id));
    }

    /** What rules did, newest first: alerts and purchase suggestions (messages in the caller's language). */
    @Transactional(readOnly = true)
    public List<FiringView> firings(Long rule, String type, int limit) {
        return runs.firings(rule, type, chinese(), 0, limit);
    }

    private RuleStore.Stored stored(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Rule", id));
    }

    private void check(RuleDefinition d) {
        FieldErrors errors = d.problems();
        String cron = d.trigger().cron();
        if (cron != null) {
            if (!CronExpression.isValidExpression(cron)) {
                errors.add(
                        "trigger.cron",
                        CodedRefusal.of(
                                "rules.cronInvalid",
                                "is not a cron expression of six"
                                        + " fields (second minute hour day month weekday), e.g. \"0 0 6 * * *\""));
            } else {
                CronExpression e = CronExpression.parse(cron);
                ZonedDateTime first = e.next(ZonedDateTime.now(clock));
                ZonedDateTime second = first == null ? null : e.next(first);
                if (second != null && Duration.between(first, second).compareTo(MIN_INTERVAL) < 0) {
                    errors.add(
                            "trigger.cron",
                            CodedRefusal.of(
                                    "rules.cronTooOften",
                                    "fires more often than every " + MIN_INTERVAL.toMinutes() + " minutes",
                                    MIN_INTERVAL.toMinutes()));
                }
            }
        }
        if (d.ownerSupplier() != null && !items.supplierExists(d.ownerSupplier())) {
            errors.add("ownerSupplier", CodedRefusal.unknown("supplier", d.ownerSupplier()));
        }
        for (int i = 0; i < d.actions().size(); i++) {
            Action a = d.actions().get(i);
            if (a != null && a.type() != null && a.type().onChannel()) {
                if (d.ownerSupplier() != null) {
                    errors.add(
                            "actions[" + i + "].type",
                            CodedRefusal.of(
                                    "rules.channelNotForSuppliers",
                                    "a supplier-owned rule cannot pause or resume the buyer's sales channels"));
                } else if (a.channel() != null && !channels.exists(a.channel())) {
                    errors.add("actions[" + i + "].channel", CodedRefusal.unknown("channel", a.channel()));
                }
            }
            if (a != null
                    && (a.type() == Action.Type.TRANSFER_SUGGESTION || a.type() == Action.Type.SET_SERVICE_LEVEL)
                    && d.ownerSupplier() != null) {
                errors.add(
                        "actions[" + i + "].type",
                        CodedRefusal.of(
                                "rules.buyerActionNotForSuppliers",
                                "a supplier-owned rule cannot move the buyer's stock or set its service levels"));
            } else if (a != null && a.type() == Action.Type.TRANSFER_SUGGESTION && a.fromWarehouse() != null) {
                String from = a.fromWarehouse();
                if (catalog.warehouseId(from) == null) {
                    errors.add("actions[" + i + "].fromWarehouse", CodedRefusal.unknown("warehouse", from));
                } else if (!d.scope().warehouses().isEmpty()
                        && d.scope().warehouses().stream().noneMatch(from::equalsIgnoreCase)) {
                    errors.add(
                            "actions[" + i + "].fromWarehouse",
                            CodedRefusal.of(
                                    "rules.sourceOutOfScope",
                                    "warehouse " + from + " is outside the rule's warehouse scope",
                                    from));
                }
            }
        }
        errors.throwIfAny();
    }

    private static boolean chinese() {
        Locale locale = LocaleContextHolder.getLocale();
        return "zh".equals(locale.getLanguage());
    }
}
