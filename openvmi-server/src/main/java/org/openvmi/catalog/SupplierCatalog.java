package org.openvmi.catalog;

import java.util.Optional;

import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases on suppliers. */
@Service
public class SupplierCatalog {

    private final JdbcClient jdbc;

    SupplierCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The internal id of a supplier code, regardless of the caller's scope (for binding users). */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String code) {
        return jdbc.sql("SELECT id FROM supplier WHERE code = :code").param("code", code).query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public long count() {
        PartyScope scope = PartyScope.current();
        return jdbc.sql("SELECT COUNT(*) FROM supplier s WHERE " + scope.predicate("s.id"))
                .param("scopeSupplierId", scope.supplierIdParam()).query(Long.class).single();
    }
}
