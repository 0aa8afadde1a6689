package org.openvmi.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases on warehouses and their locations. */
@Service
public class WarehouseCatalog {

    private final JdbcClient jdbc;

    WarehouseCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM warehouse").query(Long.class).single();
    }
}
