package org.openvmi.engine.policy;

/**
 * Wilson's economic order quantity √(2·D·K / (h·c)): D demand per year, K cost per order, h the yearly holding
 * rate (e.g. 0.25 for 25 % of the unit value a year), c the unit cost. Zero when any input is missing (zero),
 * so a policy without costs simply orders up to its level.
 */
public final class EconomicOrderQuantity {

    private EconomicOrderQuantity() {}

    public static double of(double yearlyDemand, double costPerOrder, double holdingRate, double unitCost) {
        if (yearlyDemand < 0 || costPerOrder < 0 || holdingRate < 0 || unitCost < 0) {
            throw new IllegalArgumentException("EOQ inputs must be zero or more");
        }
        if (yearlyDemand == 0 || costPerOrder == 0 || holdingRate == 0 || unitCost == 0) {
            return 0;
        }
        return Math.sqrt(2 * yearlyDemand * costPerOrder / (holdingRate * unitCost));
    }
}
