package org.openvmi.planning.internal;

import java.util.List;

import org.openvmi.planning.model.Plan;
import org.springframework.stereotype.Component;

/** Placeholder until the stock policy feature can take planned lines: changes nothing. */
@Component
class NoPolicyUpdates implements PolicyUpdates {

    @Override
    public int apply(List<Plan> plans) {
        return 0;
    }
}
