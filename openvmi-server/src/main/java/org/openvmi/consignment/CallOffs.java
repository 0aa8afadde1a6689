package org.openvmi.consignment;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.consignment.internal.AgreementRepository;
import org.openvmi.consignment.internal.CallOffRepository;
import org.openvmi.consignment.internal.UseCases;
import org.openvmi.consignment.model.CallOffStatus;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.CodedRefusal;
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

/** Call-off plans (要货计划): the buyer's request by date, the supplier's confirmation or counter-proposal. */
@Service
public class CallOffs {

    private final CallOffRepository repository;
    private final AgreementRepository agreements;
    private final CatalogRefs refs;
    private final UseCases useCases;
    private final Clock clock;
    private final Validator validator;

    CallOffs(
            CallOffRepository repository,
            AgreementRepository agreements,
            CatalogRefs refs,
            UseCases useCases,
            Clock clock,
            Validator validator) {
        this.validator = validator;
        this.repository = repository;
        this.agreements = agreements;
        this.refs = refs;
        this.useCases = useCases;
        this.clock = clock;
    }

    public CallOffView create(CallOffRequest r) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        String supplier = Agreements.blank(r.supplier());
        Long supplierId =
                supplier == null ? null : refs.suppliers(Set.of(supplier)).get(supplier);
        if (supplierId == null) {
            errors.add(
                    "supplier",
                    supplier == null ? CodedRefusal.required() : CodedRefusal.unknown("supplier", supplier));
        }
        ItemRef item = r.item() == null
                ? null
                : refs.items(Set.of(r.item().trim())).get(r.item().trim());
        if (item == null) {
            errors.add("item", r.item() == null ? CodedRefusal.required() : CodedRefusal.unknown("item", r.item()));
        }
        LocationRef location = r.location() == null
                ? null
                : refs.locations(Set.of(r.location().trim())).get(r.location().trim());
        if (location == null) {
            errors.add(
                    "location",
                    r.location() == null ? CodedRefusal.required() : CodedRefusal.unknown("location", r.location()));
        }
        if (r.qty() == null || r.qty().signum() <= 0) {
            errors.add("qty", "is required and must be greater than zero");
        }
        if (r.neededBy() == null) {
            errors.add("neededBy", CodedRefusal.required());
        }
        if (supplierId != null
                && item != null
                && location != null
                && agreements
                        .termsAt(supplierId, supplier, item, location, clock.instant())
                        .isEmpty()) {
            errors.add(
                    "item",
                    "no VMI agreement of supplier '" + supplier + "' covers item '" + item.code() + "' at '"
                            + location.code() + "'");
        }
        errors.throwIfAny();
        long sid = supplierId;
        return useCases.run(() -> get(repository.insert(
                sid,
                item.id(),
                location.id(),
                r.qty(),
                r.neededBy(),
                Agreements.blank(r.comment()),
                CurrentUser.name(),
                clock.instant())));
    }

    public CallOffView confirm(long id, CallOffRequest answer) {
        RequestValidation.check(validator, answer);
        return change(id, CallOffStatus.Action.CONFIRM, answer);
    }

    /** The supplier proposes another quantity and/or date. */
    public CallOffView propose(long id, CallOffRequest proposal) {
        RequestValidation.check(validator, proposal);
        if (proposal == null || (proposal.qty() == null && proposal.neededBy() == null)) {
            throw InvalidInputException.of("qty", "propose another qty or neededBy");
        }
        if (proposal.qty() != null && proposal.qty().signum() <= 0) {
            throw InvalidInputException.of("qty", CodedRefusal.positive());
        }
        return change(id, CallOffStatus.Action.PROPOSE, proposal);
    }

    public CallOffView accept(long id) {
        return change(id, CallOffStatus.Action.ACCEPT, null);
    }

    public CallOffView cancel(long id) {
        return change(id, CallOffStatus.Action.CANCEL, null);
    }

    private CallOffView change(long id, CallOffStatus.Action action, CallOffRequest r) {
        String comment = r == null ? null : Agreements.blank(r.comment());
        return useCases.run(() -> {
            CallOffRepository.Head head =
                    repository.head(id, PartyScope.current()).orElseThrow(() -> new NotFoundException("Call-off", id));
            CallOffStatus.valueOf(head.status()).refusal(action, id).ifPresent(refusal -> {
                throw refusal;
            });
            BigDecimal qty = action == CallOffStatus.Action.ACCEPT && head.proposedQty() != null
                    ? head.proposedQty()
                    : head.qty();
            String to = action.to(head.shipped(), qty).name();
            boolean ok = switch (action) {
                case PROPOSE ->
                    repository.change(
                            id,
                            head.rowVersion(),
                            to,
                            null,
                            null,
                            r.qty(),
                            r.neededBy(),
                            comment,
                            CurrentUser.name(),
                            clock.instant());
                case ACCEPT ->
                    repository.change(
                            id,
                            head.rowVersion(),
                            to,
                            head.proposedQty(),
                            head.proposedDate(),
                            null,
                            null,
                            null,
                            CurrentUser.name(),
                            clock.instant());
                default ->
                    repository.change(
                            id,
                            head.rowVersion(),
                            to,
                            null,
                            null,
                            null,
                            null,
                            comment,
                            CurrentUser.name(),
                            clock.instant());
            };
            if (!ok) {
                throw new UseCases.Retry("call-off " + id + " changed meanwhile");
            }
            return get(id);
        });
    }

    @Transactional(readOnly = true)
    public CallOffView get(long id) {
        return repository.view(id, PartyScope.current()).orElseThrow(() -> new NotFoundException("Call-off", id));
    }

    @Transactional(readOnly = true)
    public PageResult<CallOffView> find(String status, PageRequest page) {
        String s = AllowedValues.code("status", status, CallOffStatus.class);
        return repository.find(s, PartyScope.current(), page);
    }
}
