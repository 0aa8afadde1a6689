package org.openvmi.transferplan;

import java.util.List;

/**
 * {@code POST /transfer-plans}: optionally only these warehouses (codes, at least two) and items (codes); a
 * warehouse has excess by cover when it holds more than {@code coverDays} days of demand (default 60).
 */
public record TransferPlanRequest(List<String> warehouses, List<String> items, Integer coverDays) {}
