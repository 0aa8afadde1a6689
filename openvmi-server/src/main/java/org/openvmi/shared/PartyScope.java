package org.openvmi.shared;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may see which rows. The one place where "a supplier user sees only its own supplier's data" is decided;
 * repositories turn it into SQL predicates. A later organization dimension is added here.
 */
public record PartyScope(Kind kind, Long supplierId, String supplierCode) {

    public enum Kind {
        ALL,
        SUPPLIER,
        NONE
    }

    public static final PartyScope ALL = new PartyScope(Kind.ALL, null, null);
    public static final PartyScope NONE = new PartyScope(Kind.NONE, null, null);

    public static PartyScope ofSupplier(long supplierId, String supplierCode) {
        return new PartyScope(Kind.SUPPLIER, supplierId, supplierCode);
    }

    /**
     * The scope of the current caller. Background work (no authentication at all, e.g. demo seeding) sees
     * everything; an anonymous web request or a not (yet) authenticated caller sees nothing, and so does a
     * supplier-role caller without a bound supplier: when in doubt, nothing rather than everything.
     */
    public static PartyScope current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return ALL;
        }
        if (!auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return NONE;
        }
        if (auth.getPrincipal() instanceof PartyPrincipal p && p.supplierUser()) {
            return p.supplierId() == null ? NONE : ofSupplier(p.supplierId(), p.supplierCode());
        }
        boolean supplierRole = auth.getAuthorities().stream().anyMatch(a -> "ROLE_SUPPLIER".equals(a.getAuthority()));
        return supplierRole ? NONE : ALL;
    }

    public boolean seesAll() {
        return kind == Kind.ALL;
    }

    /** Whether a row owned by the given supplier is visible. */
    public boolean sees(Long ownerSupplierId) {
        return switch (kind) {
            case ALL -> true;
            case NONE -> false;
            case SUPPLIER -> supplierId.equals(ownerSupplierId);
        };
    }

    /**
     * SQL predicate restricting a supplier-id column to this scope, e.g. {@code s.id}. Uses the named parameter
     * {@code :scopeSupplierId}; bind it with {@link #supplierIdParam()}.
     */
    public String predicate(String supplierIdColumn) {
        return switch (kind) {
            case ALL -> "1=1";
            case NONE -> "1=0";
            case SUPPLIER -> supplierIdColumn + " = :scopeSupplierId";
        };
    }

    public Long supplierIdParam() {
        return supplierId == null ? -1L : supplierId;
    }
}
