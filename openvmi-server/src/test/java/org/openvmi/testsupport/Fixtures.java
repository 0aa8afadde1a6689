package org.openvmi.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.EnumSet;
import org.openvmi.security.Role;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Users of every role and two suppliers (T-SUP-A, T-SUP-B, each with a supplier user) in the test's database.
 * Created once per database; the tests share them and create their own master data with unique codes.
 */
public final class Fixtures {

    public static final String PASSWORD = "secret-pass";
    public static final String SUPPLIER_A = "T-SUP-A";
    public static final String SUPPLIER_B = "T-SUP-B";
    public static final String SUPPLIER_USER_A = "t-sup-a";
    public static final String SUPPLIER_USER_B = "t-sup-b";

    private Fixtures() {}

    /** Idempotent: safe to call from every test. */
    public static synchronized void ensure(JdbcClient jdbc, UserDirectory users) {
        if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 't-admin'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        for (String code : new String[] {SUPPLIER_A, SUPPLIER_B}) {
            jdbc.sql("INSERT INTO supplier (code, name) VALUES (:c, :n)")
                    .param("c", code)
                    .param("n", "Test supplier " + code)
                    .update();
        }
        for (Role role : Role.values()) {
            if (role != Role.SUPPLIER) {
                users.create(user("t-" + role.name().toLowerCase(), role, null));
            }
        }
        users.create(user(SUPPLIER_USER_A, Role.SUPPLIER, SUPPLIER_A));
        users.create(user(SUPPLIER_USER_B, Role.SUPPLIER, SUPPLIER_B));
    }

    /** HTTP Basic for the fixture user of a buyer-side role. */
    public static RequestPostProcessor as(Role role) {
        return httpBasic("t-" + role.name().toLowerCase(), PASSWORD);
    }

    public static RequestPostProcessor asUser(String username) {
        return httpBasic(username, PASSWORD);
    }

    private static UserCommand user(String username, Role role, String supplier) {
        UserCommand c = new UserCommand();
        c.setUsername(username);
        c.setDisplayName(username);
        c.setPassword(PASSWORD);
        c.setRoles(EnumSet.of(role));
        c.setSupplier(supplier);
        return c;
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }
}
