package org.openvmi.consignment;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
import org.openvmi.catalog.LocationType;
import org.openvmi.catalog.SupplierCatalog;
import org.openvmi.catalog.SupplierItemView;
import org.openvmi.consignment.internal.AgreementRepository;
import org.openvmi.consignment.internal.UseCases;
import org.openvmi.consignment.model.AgreementRules;
import org.openvmi.consignment.model.OwnershipMode;
import org.openvmi.consignment.model.SettlementCycle;
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
 * VMI agreements: who supplies which items into which VMI zones, between which min and max, at what price, how fast,
 * settled how often, and when ownership passes. A change writes a new version effective from now; consumptions and
 * receipts use the version in force when they happen.
 */
@Service
public class Agreements {

    private final AgreementRepository repository;
    private final CatalogRefs refs;
    private final SupplierCatalog suppliers;
    private final UseCases useCases;
    private final java.time.Clock clock;
    private final Validator validator;

    Agreements(
            AgreementRepository repository,
            CatalogRefs refs,
            SupplierCatalog suppliers,
            UseCases useCases,
            java.time.Clock clock,
            Validator validator) {
        this.validator = validator;
        this.repository = repository;
        this.refs = refs;
        this.suppliers = suppliers;
        this.useCases = useCases;
        this.clock = clock;
    }

    /**
     * Every item-warehouse under an agreement in force today, not scoped (for planning runs, which run without a
     * user); one entry per item and warehouse, the oldest agreement's when several cover it.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.Map<org.openvmi.inventory.ItemWarehouse, VmiCoverage> coverage() {
        java.util.Map<org.openvmi.inventory.ItemWarehouse, VmiCoverage> byWarehouse = new java.util.HashMap<>();
        for (VmiCoverage c : repository.coverage(java.time.LocalDate.now(clock))) {
            byWarehouse.putIfAbsent(new org.openvmi.inventory.ItemWarehouse(c.itemId(), c.warehouseId()), c);
        }
        return byWarehouse;
    }

    /**
     * The price history of the given items under every agreement (all versions, any status: stock received under a
     * since-ended agreement was still priced by it), oldest version first. Not scoped: the analytics snapshot job
     * runs without a user and values consignment stock at the settlement price, the one {@code Ownership.settle} uses.
     */
    @Transactional(readOnly = true)
    public List<AgreementPrice> priceHistory(java.util.Collection<String> itemCodes) {
        return itemCodes.isEmpty() ? List.of() : repository.priceHistory(itemCodes);
    }

    public AgreementView create(AgreementRequest request) {
        RequestValidation.check(validator, request);
        Validated v = validate(request, null);
        return useCases.run(() -> {
            long id = repository.insert(v.supplierId, CurrentUser.name(), clock.instant());
            repository.addVersion(id, 0, v.version, v.lines, CurrentUser.name(), clock.instant());
            return get(id, null);
        });
    }

    /** A new version of the agreement, effective now; the supplier cannot be changed. */
    public AgreementView change(long id, AgreementRequest request) {
        RequestValidation.check(validator, request);
        long[] current =
                repository.current(id, PartyScope.current()).orElseThrow(() -> new NotFoundException("Agreement", id));
        Validated v = validate(request, id);
        if (v.supplierId != current[1]) {
            throw new BusinessRuleException("supplier", "the supplier of an agreement cannot be changed");
        }
        AgreementView now = get(id, null);
        if (same(v, now, id)) {
            return now; // a form saved unchanged adds no version (issue 13)
        }
        return useCases.run(() -> {
            if (!repository.addVersion(id, (int) current[0], v.version, v.lines, CurrentUser.name(), clock.instant())) {
                throw new ConflictException(
                        "version",
                        CodedRefusal.stale("Agreement " + id + " was changed by someone else meanwhile; reload it"));
            }
            return get(id, null);
        });
    }

    @Transactional(readOnly = true)
    public AgreementView get(long id, Integer version) {
        return repository
                .view(id, version, PartyScope.current())
                .orElseThrow(() -> new NotFoundException("Agreement", id));
    }

    @Transactional(readOnly = true)
    public PageResult<AgreementView> find(String supplier, PageRequest page) {
        return repository.find(blank(supplier), PartyScope.current(), page);
    }

    /** True when the validated change says what the current version already says (numbers compared by value). */
    private boolean same(Validated change, AgreementView now, long id) {
        Validated current;
        try {
            current = validate(
                    new AgreementRequest(
                            now.supplier(),
                            now.currency(),
                            null,
                            now.replenishWithinHours(),
                            now.settlementCycle(),
                            now.settlementDay(),
                            now.ownershipMode(),
                            now.validFrom(),
                            now.validTo(),
                            now.penaltyTerms(),
                            now.penaltyPerLateHour(),
                            now.penaltyPerStockoutDay(),
                            now.lines().stream()
                                    .map(l -> new AgreementRequest.Line(
                                            l.item(),
                                            l.location(),
                                            l.min(),
                                            l.max(),
                                            l.price(),
                                            l.safety(),
                                            l.packSize(),
                                            l.moq()))
                                    .toList()),
                    id);
        } catch (RuntimeException e) {
            return false; // the current version no longer passes today's checks: any save is a change
        }
        return normal(change).equals(normal(current));
    }

    private static List<Object> normal(Validated v) {
        AgreementRepository.NewVersion t = v.version;
        List<Object> out = new ArrayList<>(List.of(
                v.supplierId,
                t.currency(),
                t.mode(),
                t.cycle(),
                t.hours(),
                String.valueOf(t.settlementDay()),
                String.valueOf(t.validFrom()),
                String.valueOf(t.validTo()),
                String.valueOf(t.penaltyTerms()),
                number(t.perLateHour()),
                number(t.perStockoutDay())));
        for (AgreementRepository.NewLine l : v.lines) {
            out.add(List.of(
                    l.itemId(),
                    l.locationId(),
                    number(l.min()),
                    number(l.max()),
                    number(l.safety()),
                    number(l.price()),
                    number(l.packSize()),
                    number(l.moq())));
        }
        return out;
    }

    private static String number(BigDecimal n) {
        return n == null ? "null" : n.stripTrailingZeros().toPlainString();
    }

    private record Validated(
            long supplierId, AgreementRepository.NewVersion version, List<AgreementRepository.NewLine> lines) {}

    private Validated validate(AgreementRequest r, Long agreementId) {
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
        OwnershipMode mode =
                parse(OwnershipMode.class, r.ownershipMode(), OwnershipMode.UNTIL_CONSUMED, "ownershipMode", errors);
        SettlementCycle cycle =
                parse(SettlementCycle.class, r.settlementCycle(), SettlementCycle.MONTHLY, "settlementCycle", errors);
        String currency = r.currency() == null ? "CNY" : r.currency().trim().toUpperCase(Locale.ROOT);
        int hours = r.replenishWithinHours() == null ? 48 : r.replenishWithinHours();
        AgreementRules.terms(currency, hours, r.settlementDay(), cycle, r.validFrom(), r.validTo(), errors);
        if (r.penaltyPerLateHour() != null && r.penaltyPerLateHour().signum() < 0) {
            errors.add("penaltyPerLateHour", CodedRefusal.notNegative());
        }
        if (r.penaltyPerStockoutDay() != null && r.penaltyPerStockoutDay().signum() < 0) {
            errors.add("penaltyPerStockoutDay", CodedRefusal.notNegative());
        }
        if (r.penaltyTerms() != null && r.penaltyTerms().length() > 2000) {
            errors.add("penaltyTerms", "at most 2000 characters");
        }
        List<AgreementRequest.Line> lines = r.lines() == null ? List.of() : r.lines();
        if (lines.isEmpty()) {
            errors.add("lines", "at least one line is required");
        }
        Set<String> itemCodes = new HashSet<>();
        Set<String> locationCodes = new HashSet<>();
        for (AgreementRequest.Line l : lines) {
            if (l != null && l.item() != null) {
                itemCodes.add(l.item().trim());
            }
            if (l != null && l.location() != null) {
                locationCodes.add(l.location().trim());
            }
        }
        Map<String, ItemRef> items = refs.items(itemCodes);
        Map<String, LocationRef> locations = refs.locations(locationCodes);
        List<AgreementRepository.NewLine> newLines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            AgreementRequest.Line l = lines.get(i);
            String f = "lines[" + i + "].";
            if (l == null) {
                errors.add("lines[" + i + "]", "must not be null");
                continue;
            }
            ItemRef item = l.item() == null ? null : items.get(l.item().trim());
            if (item == null) {
                errors.add(
                        f + "item",
                        l.item() == null ? CodedRefusal.required() : CodedRefusal.unknown("item", l.item()));
            }
            LocationRef location =
                    l.location() == null ? null : locations.get(l.location().trim());
            if (location == null) {
                errors.add(
                        f + "location",
                        l.location() == null
                                ? CodedRefusal.required()
                                : CodedRefusal.unknown("location", l.location()));
            } else if (location.type() != LocationType.VMI) {
                errors.add(
                        f + "location", "'" + location.code() + "' is not a VMI zone (type " + location.type() + ")");
            }
            BigDecimal price = l.price() != null ? l.price() : r.price();
            AgreementRules.line(i, l.min(), l.max(), price, l.safety(), mode, errors);
            if (item == null || location == null) {
                continue;
            }
            if (!seen.add(item.id() + "@" + location.id())) {
                errors.add(f + "item", "item '" + item.code() + "' at '" + location.code() + "' is listed twice");
            }
            SupplierItemView source =
                    supplierId == null ? null : source(r.supplier().trim(), item.code());
            BigDecimal pack = l.packSize() != null ? l.packSize() : source == null ? BigDecimal.ONE : source.packSize();
            BigDecimal moq = l.moq() != null ? l.moq() : source == null ? BigDecimal.ONE : source.moq();
            if (pack.signum() <= 0) {
                errors.add(f + "packSize", CodedRefusal.positive());
            }
            if (moq.signum() < 0) {
                errors.add(f + "moq", CodedRefusal.notNegative());
            }
            if (supplierId != null
                    && repository
                            .coveringAgreement(supplierId, item.id(), location.id(), agreementId)
                            .isPresent()) {
                errors.add(
                        f + "item",
                        "item '" + item.code() + "' at '" + location.code()
                                + "' is already covered by another active agreement of this supplier");
            }
            newLines.add(new AgreementRepository.NewLine(
                    item.id(), location.id(), l.min(), l.max(), l.safety(), price, pack, moq));
        }
        errors.throwIfAny();
        return new Validated(
                Objects.requireNonNull(supplierId),
                new AgreementRepository.NewVersion(
                        currency,
                        mode.name(),
                        cycle.name(),
                        r.settlementDay(),
                        hours,
                        r.validFrom(),
                        r.validTo(),
                        blank(r.penaltyTerms()),
                        r.penaltyPerLateHour(),
                        r.penaltyPerStockoutDay()),
                newLines);
    }

    private SupplierItemView source(String supplier, String item) {
        try {
            return suppliers.source(supplier, item);
        } catch (NotFoundException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "unknown value '" + value + "'; one of " + List.of(type.getEnumConstants()));
            return fallback;
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
