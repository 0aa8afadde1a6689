package org.openvmi.transferplan;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.openvmi.catalog.PlanningCatalog;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.openvmi.transferplan.internal.LaneRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lane table: what moving one unit from one warehouse to another costs and how long it travels. */
@Service
public class TransferLanes {

    private final LaneRepository lanes;
    private final PlanningCatalog catalog;
    private final Clock clock;

    TransferLanes(LaneRepository lanes, PlanningCatalog catalog, Clock clock) {
        this.lanes = lanes;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TransferLaneView> list() {
        return lanes.list();
    }

    @Transactional(readOnly = true)
    public TransferLaneView get(long id) {
        return lanes.find(id).orElseThrow(() -> new NotFoundException("Transfer lane", id));
    }

    /** A new lane; the same route twice is a 409, a lane from a warehouse to itself a 422. */
    @Transactional
    public TransferLaneView create(TransferLaneRequest r) {
        FieldErrors errors = new FieldErrors();
        Long from = warehouse("from", r == null ? null : r.from(), errors);
        Long to = warehouse("to", r == null ? null : r.to(), errors);
        checkTerms(r, errors);
        errors.throwIfAny();
        if (from.equals(to)) {
            throw new BusinessRuleException(
                    "to", CodedRefusal.of("transferLane.self", "a lane leads to another warehouse"));
        }
        if (lanes.exists(from, to)) {
            throw new ConflictException("from", CodedRefusal.duplicate("transfer lane", r.from() + "→" + r.to()));
        }
        return get(lanes.insert(from, to, r.costPerUnit(), r.transitDays(), CurrentUser.name(), clock.instant()));
    }

    /** New cost and transit days of a lane (its route stays); a version that moved on is a 409. */
    @Transactional
    public TransferLaneView update(long id, TransferLaneRequest r) {
        TransferLaneView lane = get(id);
        FieldErrors errors = new FieldErrors();
        checkTerms(r, errors);
        errors.throwIfAny();
        int version = r.version() == null ? lane.version() : r.version();
        if (!lanes.update(id, r.costPerUnit(), r.transitDays(), version, CurrentUser.name(), clock.instant())) {
            throw new ConflictException("version", CodedRefusal.stale("the lane was changed by someone else"));
        }
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (!lanes.delete(id)) {
            throw new NotFoundException("Transfer lane", id);
        }
    }

    private Long warehouse(String field, String code, FieldErrors errors) {
        if (code == null || code.isBlank()) {
            errors.add(field, CodedRefusal.required());
            return null;
        }
        Long id = catalog.warehouseId(code.trim());
        if (id == null) {
            errors.add(field, CodedRefusal.unknown("warehouse", code));
        }
        return id;
    }

    private static void checkTerms(TransferLaneRequest r, FieldErrors errors) {
        if (r == null) {
            errors.add("body", CodedRefusal.required());
            return;
        }
        BigDecimal cost = r.costPerUnit();
        if (cost == null) {
            errors.add("costPerUnit", CodedRefusal.required());
        } else if (cost.signum() < 0) {
            errors.add("costPerUnit", CodedRefusal.notNegative());
        } else if (cost.scale() > 6 || cost.precision() - cost.scale() > 13) {
            errors.add(
                    "costPerUnit",
                    CodedRefusal.of("digits", "at most 13 digits before and 6 after the decimal point", 13, 6));
        }
        if (r.transitDays() == null) {
            errors.add("transitDays", CodedRefusal.required());
        } else if (r.transitDays() < 0 || r.transitDays() > 365) {
            errors.add("transitDays", CodedRefusal.between(0, 365));
        }
    }
}
