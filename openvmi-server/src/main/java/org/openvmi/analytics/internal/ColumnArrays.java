package org.openvmi.analytics.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one write of a batch as one array per column, for one set-based statement on PostgreSQL (ADR 0093):
 * {@code INSERT … SELECT * FROM unnest(?::text[], ?::numeric[], …)} instead of a JDBC batch of one statement per row.
 * Each column goes as a text array (plain decimal strings, ISO dates) cast by the statement to the column's type, so
 * one parameter is bound per column instead of one per column and row.
 *
 * @param <T> the row type
 */
final class ColumnArrays<T> {

    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<Function<T, Object>> values = new ArrayList<>();

    /** A column: its name, the SQL type its array is cast to ({@code text}, {@code numeric}, {@code date}, {@code int}). */
    ColumnArrays<T> column(String name, String type, Function<T, Object> value) {
        names.add(name);
        types.add(type);
        values.add(value);
        return this;
    }

    /** The column names, comma-separated, in the order given. */
    String names() {
        return String.join(", ", names);
    }

    /** {@code unnest(?::text[], …) AS alias(name, …)}: the rows as a table. */
    String unnest(String alias) {
        StringBuilder sql = new StringBuilder("unnest(");
        for (int i = 0; i < types.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("?::").append(types.get(i)).append("[]");
        }
        return sql.append(") AS ")
                .append(alias)
                .append('(')
                .append(names())
                .append(')')
                .toString();
    }

    /** {@code name = EXCLUDED.name, …} for the named columns, for {@code ON CONFLICT … DO UPDATE SET}. */
    static String excluded(String... columns) {
        StringBuilder sql = new StringBuilder();
        for (String c : columns) {
            sql.append(sql.isEmpty() ? "" : ", ")
                    .append(c)
                    .append(" = EXCLUDED.")
                    .append(c);
        }
        return sql.toString();
    }

    /** Runs {@code sql} (with this table's {@link #unnest} in it) once for all rows; answers the update count. */
    int execute(JdbcTemplate template, String sql, List<T> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Integer count = template.execute((ConnectionCallback<Integer>) con -> {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                for (int c = 0; c < values.size(); c++) {
                    ps.setArray(c + 1, array(con, values.get(c), rows));
                }
                return ps.executeUpdate();
            }
        });
        return count == null ? 0 : count;
    }

    private static <T> java.sql.Array array(Connection con, Function<T, Object> value, List<T> rows)
            throws java.sql.SQLException {
        String[] texts = new String[rows.size()];
        for (int i = 0; i < texts.length; i++) {
            Object v = value.apply(rows.get(i));
            texts[i] = v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        }
        return con.createArrayOf("text", texts);
    }
}
