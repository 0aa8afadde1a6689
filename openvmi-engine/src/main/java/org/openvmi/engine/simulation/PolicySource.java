package org.openvmi.engine.simulation;

import org.openvmi.engine.policy.ReplenishmentPolicy;

/**
 * Decides the replenishment policy for the next period from the demand observed so far (oldest first): a dynamic
 * source re-forecasts on every call, a static one returns the same policy every time.
 */
@FunctionalInterface
public interface PolicySource {

    ReplenishmentPolicy policyFor(double[] observed);

    static PolicySource fixed(ReplenishmentPolicy policy) {
        return observed -> policy;
    }
}
