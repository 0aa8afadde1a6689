/**
 * Transfer plans (issue 18, ADR 0056): one plan over every warehouse at once — needs and excesses from availability's
 * projection and stockpolicy's lines, a lane table of costs and transit days, whole packs, sources never below their
 * safety — solved per item as a minimum-cost flow (JGraphT) against buying new; accepting a plan creates its transfer
 * orders through inventory's transfer API, once. Public API: {@link org.openvmi.transferplan.TransferPlans} and
 * {@link org.openvmi.transferplan.TransferLanes}; {@code model/} is plain Java, {@code internal/} SQL, {@code web/} HTTP.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"availability", "catalog", "inventory", "planning", "shared", "stockpolicy"})
package org.openvmi.transferplan;
