package org.openvmi.transferplan;

import java.math.BigDecimal;

/** {@code POST/PUT /transfer-lanes}: from and to warehouse codes, cost per unit (≥ 0), transit days (≥ 0); version on update. */
public record TransferLaneRequest(
        String from, String to, BigDecimal costPerUnit, Integer transitDays, Integer version) {}
