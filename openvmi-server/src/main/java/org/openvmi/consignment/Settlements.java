package org.openvmi.consignment;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.consignment.internal.Idempotency;
import org.openvmi.consignment.internal.SettlementRepository;
import org.openvmi.consignment.internal.UseCases;
import org.openvmi.consignment.model.SettlementPeriods;
import org.openvmi.consignment.model.StatementStatus;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settlement statements per supplier and period: made from the settlement lines not yet on a statement, issued (the
 * lines are frozen from then on; later corrections are new lines in the next statement), confirmed or disputed by the
 * supplier, closed by finance.
 */
@Service
public class Settlements {

    private final SettlementRepository repository;
    private final CatalogRefs refs;
    private final UseCases useCases;
    private final Clock clock;
    private final Validator validator;
    private final Idempotency idempotency;
    private final org.springframework.context.ApplicationEventPublisher events;

    Settlements(
            SettlementRepository repository,
            CatalogRefs refs,
            UseCases useCases,
            Clock clock,
            Validator validator,
            Idempotency idempotency,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.idempotency = idempotency;
        this.validator = validator;
        this.repository = repository;
        this.refs = refs;
        this.useCases = useCases;
        this.clock = clock;
    }

    public StatementView generate(StatementRequest r) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        Long supplierId = null;
        if (r.supplier() == null || r.supplier().isBlank()) {
            errors.add("supplier", CodedRefusal.required());
        } else {
            supplierId =
                    refs.suppliers(Set.of(r.supplier().trim())).get(r.supplier().trim());
            if (supplierId == null) {
                errors.add("supplier", CodedRefusal.unknown("supplier", r.supplier()));
            }
        }
        if (r.from() == null) {
            errors.add("from", CodedRefusal.required());
        }
        if (r.to() == null) {
            errors.add("to", CodedRefusal.required());
        } else if (r.from() != null && r.to().isBefore(r.from())) {
            errors.add("to", "must not be before from");
        }
        if (r.taxRate() != null && (r.taxRate().signum() < 0 || r.taxRate().compareTo(BigDecimal.ONE) >= 0)) {
            errors.add("taxRate", "must be a fraction between 0 and 1, e.g. 0.13");
        }
        errors.throwIfAny();
        long sid = supplierId;
        String code = r.supplier().trim();
        return useCases.run(() -> get(make(sid, code, r.from(), r.to(), r.taxRate())));
    }

    /**
     * Makes the DRAFT statement, or refuses it with nothing changed: a second one of the same supplier and period is a
     * 409 (the unique constraint makes a concurrent second insert fail and run again into this check), an empty one
     * (0.00) or one in several currencies a 422.
     */
    private long make(long supplierId, String supplier, LocalDate from, LocalDate to, BigDecimal taxRate) {
        // open lines first, the existing statement second: a concurrent twin that commits between the two reads is
        // then seen as the duplicate it is (409), not as "nothing left to settle" (422) because it took the lines
        List<SettlementRepository.OpenLines> open = repository.openLines(to, supplierId);
        SettlementRepository.Head existing =
                repository.statementsOf(from, to, supplierId).get(supplierId);
        StatementCandidate.Refusal refusal = refusal(existing, open.isEmpty() ? null : open.get(0));
        if (refusal == StatementCandidate.Refusal.DUPLICATE) {
            throw new ConflictException("period", refusalText(refusal, supplier, to, existing, List.of()));
        }
        if (refusal != null) {
            throw new BusinessRuleException(
                    refusal == StatementCandidate.Refusal.EMPTY ? "period" : "supplier",
                    refusalText(
                            refusal,
                            supplier,
                            to,
                            null,
                            open.isEmpty() ? List.of() : open.get(0).currencies()));
        }
        return repository.createStatement(
                supplierId, from, to, open.get(0).currencies().get(0), taxRate, CurrentUser.name(), clock.instant());
    }

    private static StatementCandidate.Refusal refusal(
            SettlementRepository.Head existing, SettlementRepository.OpenLines open) {
        if (existing != null) {
            return StatementCandidate.Refusal.DUPLICATE;
        }
        if (open == null || open.amount().signum() == 0) {
            return StatementCandidate.Refusal.EMPTY;
        }
        return open.currencies().size() > 1 ? StatementCandidate.Refusal.SEVERAL_CURRENCIES : null;
    }

    private static String refusalText(
            StatementCandidate.Refusal refusal,
            String supplier,
            LocalDate to,
            SettlementRepository.Head existing,
            List<String> currencies) {
        return switch (refusal) {
            case DUPLICATE ->
                "supplier '" + supplier + "' has a statement of " + existing.from() + ".." + to + " already (ST-"
                        + existing.id() + ")";
            case EMPTY ->
                "supplier '" + supplier + "' has nothing to settle up to " + to + ": the statement would be 0.00";
            case SEVERAL_CURRENCIES ->
                "the open lines of supplier '" + supplier + "' are in several currencies " + currencies
                        + "; one statement holds one currency";
        };
    }

    /**
     * The suppliers with open lines up to the end of the month, with what their statement of that month would hold,
     * and those that have the month's statement already.
     */
    @Transactional(readOnly = true)
    public List<StatementCandidate> candidates(String period) {
        SettlementPeriods.Period p = month(period);
        Map<Long, SettlementRepository.Head> made = repository.statementsOf(p.from(), p.to(), null);
        List<StatementCandidate> candidates = new ArrayList<>();
        for (SettlementRepository.OpenLines open : repository.openLines(p.to(), null)) {
            SettlementRepository.Head existing = made.get(open.supplierId());
            StatementCandidate.Refusal refusal = refusal(existing, open);
            candidates.add(new StatementCandidate(
                    open.supplier(),
                    open.supplierName(),
                    String.join(",", open.currencies()),
                    open.lines(),
                    open.amount().setScale(2),
                    existing == null ? null : existing.id(),
                    existing == null ? null : existing.status(),
                    refusal));
        }
        return candidates;
    }

    /**
     * Makes and issues the month's statements of every supplier with open lines (or of {@code suppliers}), in one
     * transaction, once per {@code Idempotency-Key}. A supplier whose statement is refused (duplicate, 0.00, several
     * currencies) is reported and changes nothing; the others are issued.
     */
    public BulkStatementResult issueAll(BulkStatementRequest r, String idempotencyKey) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", "is required");
        }
        SettlementPeriods.Period p = month(r.period());
        if (r.taxRate() != null && (r.taxRate().signum() < 0 || r.taxRate().compareTo(BigDecimal.ONE) >= 0)) {
            throw InvalidInputException.of("taxRate", "must be a fraction between 0 and 1, e.g. 0.13");
        }
        return useCases.run(() -> idempotency.once(
                idempotencyKey, "POST /settlements/bulk", r, BulkStatementResult.class, () -> issueAll(r, p)));
    }

    private BulkStatementResult issueAll(BulkStatementRequest r, SettlementPeriods.Period p) {
        Map<String, StatementCandidate> candidates = new LinkedHashMap<>();
        candidates(r.period()).forEach(c -> candidates.put(c.supplier(), c));
        List<String> wanted = r.suppliers() == null || r.suppliers().isEmpty()
                ? List.copyOf(candidates.keySet())
                : r.suppliers().stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList();
        Map<String, Long> ids = refs.suppliers(Set.copyOf(wanted));
        List<BulkStatementResult.Outcome> outcomes = new ArrayList<>();
        for (String supplier : wanted) {
            StatementCandidate c = candidates.get(supplier);
            if (ids.get(supplier) == null) {
                throw InvalidInputException.of("suppliers", "unknown supplier '" + supplier + "'");
            }
            if (c == null) {
                outcomes.add(new BulkStatementResult.Outcome(
                        supplier,
                        BulkStatementResult.Status.SKIPPED,
                        null,
                        BigDecimal.ZERO.setScale(2),
                        null,
                        StatementCandidate.Refusal.EMPTY,
                        "supplier '" + supplier + "' has nothing to settle up to " + p.to()));
            } else if (!c.issuable()) {
                SettlementRepository.Head existing = c.statement() == null
                        ? null
                        : new SettlementRepository.Head(
                                c.statement(), ids.get(supplier), c.statementStatus(), 0, p.from(), p.to());
                outcomes.add(new BulkStatementResult.Outcome(
                        supplier,
                        BulkStatementResult.Status.REFUSED,
                        c.statement(),
                        c.amount(),
                        c.currency(),
                        c.refusal(),
                        refusalText(
                                c.refusal(),
                                supplier,
                                p.to(),
                                existing,
                                List.of(c.currency().split(",")))));
            } else {
                outcomes.add(makeAndIssue(ids.get(supplier), supplier, p, r.taxRate()));
            }
        }
        int issued = (int) outcomes.stream()
                .filter(o -> o.status() == BulkStatementResult.Status.ISSUED)
                .count();
        int refused = (int) outcomes.stream()
                .filter(o -> o.status() == BulkStatementResult.Status.REFUSED)
                .count();
        return new BulkStatementResult(r.period().trim(), p.from(), p.to(), issued, refused, outcomes);
    }

    /** A statement made meanwhile by someone else is refused like any duplicate (checked before any write). */
    private BulkStatementResult.Outcome makeAndIssue(
            long supplierId, String supplier, SettlementPeriods.Period p, BigDecimal taxRate) {
        try {
            StatementView issued = issue(make(supplierId, supplier, p.from(), p.to(), taxRate));
            return new BulkStatementResult.Outcome(
                    supplier,
                    BulkStatementResult.Status.ISSUED,
                    issued.id(),
                    issued.total(),
                    issued.currency(),
                    null,
                    null);
        } catch (ConflictException e) {
            return new BulkStatementResult.Outcome(
                    supplier,
                    BulkStatementResult.Status.REFUSED,
                    null,
                    null,
                    null,
                    StatementCandidate.Refusal.DUPLICATE,
                    e.getMessage());
        } catch (BusinessRuleException e) {
            // a concurrent bulk issue took the open lines between the candidates and now (its statement committed
            // after this one looked for it): nothing is left to settle, as if the supplier had been skipped
            boolean empty = "period".equals(e.field());
            return new BulkStatementResult.Outcome(
                    supplier,
                    empty ? BulkStatementResult.Status.SKIPPED : BulkStatementResult.Status.REFUSED,
                    null,
                    empty ? BigDecimal.ZERO.setScale(2) : null,
                    null,
                    empty ? StatementCandidate.Refusal.EMPTY : StatementCandidate.Refusal.SEVERAL_CURRENCIES,
                    e.getMessage());
        }
    }

    /** A calendar month, YYYY-MM. */
    private static SettlementPeriods.Period month(String period) {
        if (period == null || period.isBlank()) {
            throw InvalidInputException.of("period", "is required (YYYY-MM)");
        }
        try {
            YearMonth m = YearMonth.parse(period.trim());
            return new SettlementPeriods.Period(m.atDay(1), m.atEndOfMonth());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("period", "must be a month as YYYY-MM, e.g. 2026-11");
        }
    }

    public StatementView issue(long id) {
        return change(id, StatementStatus.Action.ISSUE, "issued_at", null);
    }

    public StatementView confirm(long id, StatementAnswer answer) {
        RequestValidation.check(validator, answer);
        return change(id, StatementStatus.Action.CONFIRM, "answered_at", answer);
    }

    public StatementView dispute(long id, StatementAnswer answer) {
        RequestValidation.check(validator, answer);
        if (answer == null
                || ((answer.comment() == null || answer.comment().isBlank())
                        && (answer.lines() == null || answer.lines().isEmpty()))) {
            throw InvalidInputException.of("comment", "say what is disputed: a comment or comments on lines");
        }
        return change(id, StatementStatus.Action.DISPUTE, "answered_at", answer);
    }

    public StatementView close(long id) {
        return change(id, StatementStatus.Action.CLOSE, "closed_at", null);
    }

    private StatementView change(long id, StatementStatus.Action action, String stamp, StatementAnswer answer) {
        String comment = answer == null ? null : Agreements.blank(answer.comment());
        if (comment != null && comment.length() > 2000) {
            throw InvalidInputException.of("comment", "at most 2000 characters");
        }
        return useCases.run(() -> {
            PartyScope scope = PartyScope.current();
            SettlementRepository.Head head =
                    repository.head(id, scope).orElseThrow(() -> new NotFoundException("Statement", id));
            StatementStatus to = StatementStatus.valueOf(head.status()).moveTo(action.to(), id);
            if (answer != null && answer.lines() != null) {
                for (int i = 0; i < answer.lines().size(); i++) {
                    StatementAnswer.LineComment lc = answer.lines().get(i);
                    if (lc == null
                            || lc.line() == null
                            || lc.comment() == null
                            || lc.comment().isBlank()
                            || lc.comment().length() > 1000) {
                        throw InvalidInputException.of(
                                "lines[" + i + "]", "a line id and a comment (at most 1000 characters)");
                    }
                    if (!repository.commentLine(id, lc.line(), lc.comment().trim())) {
                        throw new BusinessRuleException(
                                "lines[" + i + "].line", "line " + lc.line() + " is not on statement " + id);
                    }
                }
            }
            if (!repository.changeState(
                    id, head.rowVersion(), to.name(), stamp, CurrentUser.name(), comment, clock.instant())) {
                throw new UseCases.Retry("statement " + id + " changed meanwhile");
            }
            StatementView after = get(id);
            // the outbox (integration) writes statement.issued/confirmed/disputed in this transaction
            events.publishEvent(new StatementStatusChanged(after));
            return after;
        });
    }

    @Transactional(readOnly = true)
    public StatementView get(long id) {
        return repository
                .view(id, PartyScope.current(), true)
                .orElseThrow(() -> new NotFoundException("Statement", id));
    }

    @Transactional(readOnly = true)
    public PageResult<StatementView> find(String supplier, String status, PageRequest page) {
        String s = AllowedValues.code("status", status, StatementStatus.class);
        return repository.find(Agreements.blank(supplier), s, PartyScope.current(), page);
    }
}
