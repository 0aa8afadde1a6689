package org.openvmi.procurement.model;

/** The result of the three-way match, worst first: the invoice takes the worst status of its lines. */
@org.springframework.modulith.NamedInterface("status")
public enum MatchStatus {
    NOT_RECEIVED,
    QUANTITY_VARIANCE,
    PRICE_VARIANCE,
    MATCHED;

    public MatchStatus worse(MatchStatus other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
