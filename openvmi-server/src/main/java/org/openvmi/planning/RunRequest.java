package org.openvmi.planning;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /planning/runs}: all optional. Filters: a warehouse code, item codes, an item category, a supplier code
 * (its source-list items); horizon in days (default 56), cycle service level in (0.5, 1) (default 0.95).
 */
public record RunRequest(
        String warehouse,
        List<String> items,
        @MaxChars(64) String category,
        String supplier,
        Integer horizonDays,
        @Digits(integer = 2, fraction = 4) BigDecimal serviceLevel) {}
