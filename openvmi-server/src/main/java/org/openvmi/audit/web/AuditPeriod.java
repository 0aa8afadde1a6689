package org.openvmi.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.openvmi.shared.InvalidInputException;

/**
 * The {@code from} and {@code to} filters of the audit log: a date ({@code 2026-11-01}, a whole day in the server's
 * time zone, {@code to} inclusive) or an instant ({@code 2026-11-01T08:00:00Z} or with an offset, {@code to} exclusive).
 */
final class AuditPeriod {

    private AuditPeriod() {}

    static Instant from(String value, ZoneId zone) {
        return parse("from", value, zone, false);
    }

    static Instant to(String value, ZoneId zone) {
        return parse("to", value, zone, true);
    }

    private static Instant parse(String field, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(
                    field,
                    "malformed value '" + v + "': expected a date like 2026-11-01 "
                            + "or a date-time like 2026-11-01T08:00:00Z");
        }
    }
}
