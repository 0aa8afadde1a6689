package org.openvmi.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The number of decimals a quantity in a unit of measure is shown with (table {@code unit_of_measure}): PCS whole,
 * KG three. Read for every quantity on a page, so the small table is kept in memory and re-read after a minute.
 */
@Service
public class UnitsOfMeasure {

    /** Decimals of a unit the table does not know (and of a quantity shown without its unit): at most this many. */
    public static final int UNKNOWN_DECIMALS = 3;

    private static final Duration REREAD_AFTER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Map<String, Integer> decimals;
    private volatile Instant readAt = Instant.MIN;

    UnitsOfMeasure(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Decimals of {@code uom} (case-insensitive), or empty when the unit is unknown or null. */
    public OptionalInt decimals(String uom) {
        if (uom == null || uom.isBlank()) {
            return OptionalInt.empty();
        }
        Integer d = table().get(uom.trim().toUpperCase(Locale.ROOT));
        return d == null ? OptionalInt.empty() : OptionalInt.of(d);
    }

    private Map<String, Integer> table() {
        Instant now = clock.instant();
        Map<String, Integer> t = decimals;
        if (t == null || readAt.plus(REREAD_AFTER).isBefore(now)) {
            Map<String, Integer> read = new HashMap<>();
            jdbc.sql("SELECT code, decimals FROM unit_of_measure")
                    .query((rs, n) -> read.put(rs.getString("code").toUpperCase(Locale.ROOT), rs.getInt("decimals")))
                    .list();
            t = Map.copyOf(read);
            decimals = t;
            readAt = now;
        }
        return t;
    }
}
