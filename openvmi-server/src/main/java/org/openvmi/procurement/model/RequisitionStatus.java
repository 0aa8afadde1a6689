package org.openvmi.procurement.model;

import java.util.EnumSet;
import java.util.Set;
import org.openvmi.shared.DocumentStatus;

/**
 * The life of a requisition: a DRAFT is edited (it stays DRAFT) and SUBMITTED for approval; its approval steps are
 * decided while it is SUBMITTED, the last approval makes it APPROVED, any rejection REJECTED; an APPROVED requisition
 * becomes purchase orders and is then ORDERED. REJECTED and ORDERED are final. The column keeps the name.
 */
@org.springframework.modulith.NamedInterface("status")
public enum RequisitionStatus implements DocumentStatus<RequisitionStatus> {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    ORDERED;

    @Override
    public Set<RequisitionStatus> next() {
        return switch (this) {
            // an edit keeps a draft a draft: only a draft can be edited
            case DRAFT -> EnumSet.of(DRAFT, SUBMITTED);
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(ORDERED);
            case REJECTED, ORDERED -> EnumSet.noneOf(RequisitionStatus.class);
        };
    }

    @Override
    public String document() {
        return "Requisition";
    }

    /** An approval step is decided (approved or rejected) only while the requisition is SUBMITTED. */
    public void requireDecidable(Object number) {
        moveTo(APPROVED, number);
    }
}
