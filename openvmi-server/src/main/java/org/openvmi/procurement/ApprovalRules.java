package org.openvmi.procurement;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.openvmi.audit.AuditTrail;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.procurement.internal.RuleRepository;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The approval table, edited by administrators without code; every change audited. */
@Service
public class ApprovalRules {

    private final RuleRepository rules;
    private final CatalogRefs refs;
    private final AuditTrail audit;
    private final Approvers known;
    private final Validator validator;

    ApprovalRules(RuleRepository rules, CatalogRefs refs, AuditTrail audit, Approvers approvers, Validator validator) {
        this.validator = validator;
        this.rules = rules;
        this.refs = refs;
        this.audit = audit;
        this.known = approvers;
    }

    @Transactional(readOnly = true)
    public List<ApprovalRuleView> list() {
        return rules.all();
    }

    @Transactional(readOnly = true)
    public ApprovalRuleView get(long id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException("Approval rule", id));
    }

    @Transactional
    public ApprovalRuleView create(ApprovalRuleRequest r) {
        RequestValidation.check(validator, r);
        ApprovalRuleView v = check(r);
        long id = rules.insert(v, warehouseId(v.warehouse()));
        ApprovalRuleView created = get(id);
        audit.record("CREATE", "approval-rule", String.valueOf(id), null, created);
        return created;
    }

    @Transactional
    public ApprovalRuleView update(long id, ApprovalRuleRequest r) {
        RequestValidation.check(validator, r);
        ApprovalRuleView before = get(id);
        ApprovalRuleView v = check(r);
        rules.update(id, v, warehouseId(v.warehouse()));
        ApprovalRuleView after = get(id);
        audit.record("UPDATE", "approval-rule", String.valueOf(id), before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        ApprovalRuleView before = get(id);
        rules.delete(id);
        audit.record("DELETE", "approval-rule", String.valueOf(id), before, null);
    }

    private Long warehouseId(String code) {
        return code == null ? null : refs.warehouses(List.of(code)).get(code);
    }

    private ApprovalRuleView check(ApprovalRuleRequest r) {
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        if (r.name() == null || r.name().isBlank()) {
            errors.add("name", CodedRefusal.required());
        }
        String warehouse = r.warehouse() == null || r.warehouse().isBlank()
                ? null
                : r.warehouse().trim();
        if (warehouse != null && warehouseId(warehouse) == null) {
            errors.add("warehouse", CodedRefusal.unknown("warehouse", warehouse));
        }
        BigDecimal min = r.minAmount() == null ? BigDecimal.ZERO : r.minAmount();
        if (min.signum() < 0) {
            errors.add("minAmount", CodedRefusal.notNegative());
        }
        if (r.maxAmount() != null && r.maxAmount().compareTo(min) <= 0) {
            errors.add("maxAmount", "must be greater than minAmount");
        }
        String currency = r.currency() == null || r.currency().isBlank()
                ? "CNY"
                : r.currency().trim().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            errors.add("currency", "must be a 3-letter ISO code");
        }
        List<String> approvers = r.approvers() == null
                ? List.of()
                : r.approvers().stream()
                        .filter(a -> a != null && !a.isBlank())
                        .map(String::trim)
                        .toList();
        if (approvers.isEmpty()) {
            errors.add("approvers", "at least one approver (user name or role:NAME) is required");
        }
        approvers =
                approvers.stream().map(a -> known.check("approvers", a, errors)).toList();
        String urgent = r.urgentApprover() == null || r.urgentApprover().isBlank()
                ? null
                : known.check("urgentApprover", r.urgentApprover().trim(), errors);
        errors.throwIfAny();
        String category = r.category() == null || r.category().isBlank()
                ? null
                : r.category().trim();
        return new ApprovalRuleView(
                0,
                r.name().trim(),
                r.priority() == null ? 100 : r.priority(),
                category,
                warehouse,
                min,
                r.maxAmount(),
                currency,
                approvers,
                urgent,
                r.active() == null || r.active());
    }
}
