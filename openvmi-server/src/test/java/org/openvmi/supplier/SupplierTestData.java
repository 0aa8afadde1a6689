package org.openvmi.supplier;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.Fixtures;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Items and source lists of unique codes for supplier-stock tests, written with SQL batches. */
final class SupplierTestData {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    SupplierTestData(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** {@code count} new items named prefix-00001 … on the supplier's source list. */
    List<String> items(String prefix, int count, String supplier, int leadTimeDays, String price, boolean primary) {
        List<String> codes = new ArrayList<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String code = String.format("%s-%05d", prefix, i);
            codes.add(code);
            rows.add(new MapSqlParameterSource("c", code).addValue("n", "物料 " + code));
        }
        batch.batchUpdate(
                "INSERT INTO item (code, name, uom) VALUES (:c, :n, 'PCS')", rows.toArray(SqlParameterSource[]::new));
        source(codes, supplier, leadTimeDays, price, primary);
        return codes;
    }

    void source(List<String> items, String supplier, int leadTimeDays, String price, boolean primary) {
        batch.batchUpdate(
                """
                INSERT INTO supplier_item (supplier_id, item_id, price, currency, lead_time_days, is_primary)
                VALUES ((SELECT id FROM supplier WHERE code = :s), (SELECT id FROM item WHERE code = :i), :p, 'CNY', :l, :pr)""",
                items.stream()
                        .map(i -> new MapSqlParameterSource(Map.of(
                                "s",
                                supplier,
                                "i",
                                i,
                                "l",
                                leadTimeDays,
                                "p",
                                new java.math.BigDecimal(price),
                                "pr",
                                primary)))
                        .toArray(SqlParameterSource[]::new));
    }

    /** A new supplier with one supplier user of the same name in lower case (password {@link Fixtures#PASSWORD}). */
    String supplierWithUser(UserDirectory users, String prefix) {
        String code = Fixtures.unique(prefix);
        jdbc.sql("INSERT INTO supplier (code, name) VALUES (:c, :n)")
                .param("c", code)
                .param("n", "供应商 " + code)
                .update();
        UserCommand c = new UserCommand();
        c.setUsername(code.toLowerCase());
        c.setDisplayName(code);
        c.setPassword(Fixtures.PASSWORD);
        c.setRoles(EnumSet.of(Role.SUPPLIER));
        c.setSupplier(code);
        users.create(c);
        return code;
    }

    long stockRows(String supplier) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM supplier_stock ss JOIN supplier s ON s.id = ss.supplier_id WHERE s.code = :s")
                .param("s", supplier)
                .query(Long.class)
                .single();
    }

    long historyRows(String supplier) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM supplier_stock_history h JOIN supplier s ON s.id = h.supplier_id WHERE s.code = :s")
                .param("s", supplier)
                .query(Long.class)
                .single();
    }
}
