package org.openvmi.channels;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /channels} and {@code PUT /channels/{code}}: a sales channel drawing on the stock of its
 * {@code warehouses}. {@code priority} 1 is served first. At most one of {@code percentage} (0–100 of the pool) and
 * {@code fixedQuota} (units) ring-fences the channel's share; with neither it is an open channel taking what is left.
 * {@code safetyBuffer}: it sells only the pool's free stock above this; {@code pauseBelow}: paused for an item while
 * the pool's free stock of it is below this line, resumed when it returns. {@code status} ACTIVE or INACTIVE.
 */
public record ChannelRequest(
        @MaxChars(40) String code,
        @MaxChars(200) String name,
        Integer priority,
        List<String> warehouses,
        @Digits(integer = 3, fraction = 4) BigDecimal percentage,
        @Digits(integer = 15, fraction = 4) BigDecimal fixedQuota,
        @Digits(integer = 15, fraction = 4) BigDecimal safetyBuffer,
        @Digits(integer = 15, fraction = 4) BigDecimal pauseBelow,
        String status) {}
