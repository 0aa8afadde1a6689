package org.openvmi.analytics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scope of an analytics read as SQL: optional conditions on items, warehouse, owner and last day ({@code
 * snapshot_day}) over the tables keyed by item × warehouse × owner; null leaves a condition out, an empty item list
 * matches nothing. Written once for every read of the snapshots, the group facts and ABC.
 */
record ScopeFilter(Collection<String> items, String warehouse, String owner, LocalDate to) {

    ScopeFilter(Collection<String> items, String warehouse, String owner) {
        this(items, warehouse, owner, null);
    }

    /** {@code " WHERE …"} with the conditions, or {@code ""} without any. */
    String where() {
        return where("");
    }

    /** {@link #where()} on the columns of a table alias, e.g. {@code "l."}. */
    String where(String alias) {
        List<String> conditions = new ArrayList<>();
        if (items != null) {
            conditions.add(items.isEmpty() ? "1 = 0" : alias + "item IN (:items)");
        }
        if (warehouse != null) {
            conditions.add(alias + "warehouse = :warehouse");
        }
        if (owner != null) {
            conditions.add(alias + "owner = :owner");
        }
        if (to != null) {
            conditions.add(alias + "snapshot_day <= :to");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The WHERE clause open for one more condition: {@code " WHERE … AND "}, or {@code " WHERE "} without any. */
    String whereAnd() {
        return whereAnd("");
    }

    /** {@link #whereAnd()} on the columns of a table alias, e.g. {@code "l."}. */
    String whereAnd(String alias) {
        String where = where(alias);
        return where.isEmpty() ? " WHERE " : where + " AND ";
    }

    /** The parameters of {@link #where()}, in a new map the caller may add its own to. */
    Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>();
        if (items != null && !items.isEmpty()) {
            p.put("items", items);
        }
        p.put("warehouse", warehouse);
        p.put("owner", owner);
        if (to != null) {
            p.put("to", Date.valueOf(to));
        }
        return p;
    }
}
