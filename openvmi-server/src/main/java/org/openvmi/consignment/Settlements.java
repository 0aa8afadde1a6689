package org.openvmi.consignment;

import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validator;

import org.openvmi.catalog.CatalogRefs;
import org.openvmi.consignment.internal.SettlementRepository;
import org.openvmi.consignment.internal.UseCases;
import org.openvmi.consignment.model.StatementStatus;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.ConflictException;
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

    Settlements(SettlementRepository repository, CatalogRefs refs, UseCases useCases, Clock clock, Validator validator) {
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
            supplierId = refs.suppliers(Set.of(r.supplier().trim())).get(r.supplier().trim());
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
        return useCases.run(() -> {
            List<String> currencies = repository.openCurrencies(sid, r.to());
            if (currencies.size() > 1) {
                throw new BusinessRuleException("supplier", "the open lines of supplier '" + r.supplier()
                        + "' are in several currencies " + currencies + "; one statement holds one currency");
            }
            String currency = currencies.isEmpty() ? "CNY" : currencies.get(0);
            long id = repository.createStatement(sid, r.from(), r.to(), currency, r.taxRate(), CurrentUser.name(),
                    clock.instant());
            return get(id);
        });
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
        if (answer == null || ((answer.comment() == null || answer.comment().isBlank())
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
            SettlementRepository.Head head = repository.head(id, scope).orElseThrow(() -> new NotFoundException("Statement", id));
            StatementStatus status = StatementStatus.valueOf(head.status());
            status.refuse(action, id).ifPresent(reason -> {
                throw new ConflictException("status", reason);
            });
            if (answer != null && answer.lines() != null) {
                for (int i = 0; i < answer.lines().size(); i++) {
                    StatementAnswer.LineComment lc = answer.lines().get(i);
                    if (lc == null || lc.line() == null || lc.comment() == null || lc.comment().isBlank()
                        || lc.comment().length() > 1000) {
                        throw InvalidInputException.of("lines[" + i + "]", "a line id and a comment (at most 1000 characters)");
                    }
                    if (!repository.commentLine(id, lc.line(), lc.comment().trim())) {
                        throw new BusinessRuleException("lines[" + i + "].line", "line " + lc.line()
                                + " is not on statement " + id);
                    }
                }
            }
            if (!repository.changeState(id, head.rowVersion(), action.to().name(), stamp, CurrentUser.name(),
                    comment, clock.instant())) {
                throw new UseCases.Retry("statement " + id + " changed meanwhile");
            }
            return get(id);
        });
    }

    @Transactional(readOnly = true)
    public StatementView get(long id) {
        return repository.view(id, PartyScope.current(), true).orElseThrow(() -> new NotFoundException("Statement", id));
    }

    @Transactional(readOnly = true)
    public PageResult<StatementView> find(String supplier, String status, PageRequest page) {
        String s = AllowedValues.code("status", status, StatementStatus.class);
        return repository.find(Agreements.blank(supplier), s, PartyScope.current(), page);
    }
}
