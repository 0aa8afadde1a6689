package org.openvmi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OpenVmiUserTest {

    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuJ0m6lBm7tz5dS9wd4t8R2xJ6wH0Gq3e";

    private final OpenVmiUser user =
            new OpenVmiUser(5, "sup-s001", HASH, "Supplier 1", EnumSet.of(Role.SUPPLIER), 9L, "S001", true, false);

    @Test
    void to_string_never_prints_the_password_hash_but_says_who_it_is() {
        assertThat(user.toString())
                .doesNotContain(HASH)
                .doesNotContain("$2a$")
                .contains("sup-s001", "SUPPLIER", "S001");
    }

    @Test
    void the_principal_without_password_keeps_roles_and_supplier_but_not_the_hash() {
        OpenVmiUser stripped = user.withoutPassword();
        assertThat(stripped.getPassword()).isEmpty();
        assertThat(stripped.roles()).containsExactly(Role.SUPPLIER);
        assertThat(stripped.supplierId()).isEqualTo(9L);
        assertThat(stripped.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SUPPLIER");
    }

    @Test
    void a_supplier_role_user_is_a_supplier_user_for_the_party_scope() {
        assertThat(user.supplierUser()).isTrue();
        OpenVmiUser buyer = new OpenVmiUser(6, "buyer", HASH, null, EnumSet.of(Role.BUYER), null, null, true, false);
        assertThat(buyer.supplierUser()).isFalse();
        assertThat(new OpenVmiUser(7, "x", HASH, null, EnumSet.of(Role.BUYER), null, null, true, true)
                        .isAccountNonLocked())
                .isFalse();
    }
}
