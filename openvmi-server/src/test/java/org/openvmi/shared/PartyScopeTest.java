package org.openvmi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The one place that decides which rows a caller may see: ALL, one SUPPLIER, or NONE. */
class PartyScopeTest {

    record Principal(Long supplierId, String supplierCode, boolean supplierUser) implements PartyPrincipal {}

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(Object principal, String... roles) {
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                AuthorityUtils.createAuthorityList(
                        java.util.Arrays.stream(roles).map(r -> "ROLE_" + r).toArray(String[]::new)));
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    @Test
    void background_work_without_any_authentication_sees_all_rows() {
        PartyScope scope = PartyScope.current();
        assertThat(scope.kind()).isEqualTo(PartyScope.Kind.ALL);
        assertThat(scope.seesAll()).isTrue();
        assertThat(scope.sees(42L)).isTrue();
        assertThat(scope.sees(null)).isTrue();
        assertThat(scope.predicate("si.supplier_id")).isEqualTo("1=1");
    }

    @Test
    void a_buyer_side_user_sees_all_rows() {
        signIn(new Principal(null, null, false), "BUYER");
        assertThat(PartyScope.current()).isEqualTo(PartyScope.ALL);
    }

    @Test
    void a_supplier_user_sees_only_rows_of_its_own_supplier() {
        signIn(new Principal(7L, "S007", true), "SUPPLIER");
        PartyScope scope = PartyScope.current();
        assertThat(scope.kind()).isEqualTo(PartyScope.Kind.SUPPLIER);
        assertThat(scope.supplierCode()).isEqualTo("S007");
        assertThat(scope.seesAll()).isFalse();
        assertThat(scope.sees(7L)).isTrue();
        assertThat(scope.sees(8L)).isFalse();
        assertThat(scope.sees(null)).isFalse();
        assertThat(scope.predicate("si.supplier_id")).isEqualTo("si.supplier_id = :scopeSupplierId");
        assertThat(scope.supplierIdParam()).isEqualTo(7L);
    }

    @Test
    void a_supplier_role_principal_without_a_supplier_sees_nothing() {
        signIn(new Principal(null, null, true), "SUPPLIER");
        PartyScope scope = PartyScope.current();
        assertThat(scope).isEqualTo(PartyScope.NONE);
        assertThat(scope.seesAll()).isFalse();
        assertThat(List.of(1L, 2L, 3L)).noneMatch(scope::sees);
        assertThat(scope.sees(null)).isFalse();
        assertThat(scope.predicate("si.supplier_id")).isEqualTo("1=0");
        assertThat(scope.supplierIdParam()).isEqualTo(-1L);
    }

    @Test
    void a_supplier_role_on_a_principal_of_unknown_type_sees_nothing() {
        signIn("some-user", "SUPPLIER");
        assertThat(PartyScope.current()).isEqualTo(PartyScope.NONE);
    }

    @Test
    void an_anonymous_web_request_sees_nothing() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(PartyScope.current()).isEqualTo(PartyScope.NONE);
    }

    @Test
    void a_caller_that_is_not_yet_authenticated_sees_nothing() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated("t-buyer", "guess"));
        assertThat(PartyScope.current()).isEqualTo(PartyScope.NONE);
    }

    @Test
    void an_explicit_supplier_scope_turns_into_a_bound_sql_predicate() {
        PartyScope scope = PartyScope.ofSupplier(3L, "S003");
        assertThat(scope.predicate("s.id")).isEqualTo("s.id = :scopeSupplierId");
        assertThat(scope.supplierIdParam()).isEqualTo(3L);
        assertThat(PartyScope.ALL.supplierIdParam()).isEqualTo(-1L);
    }
}
