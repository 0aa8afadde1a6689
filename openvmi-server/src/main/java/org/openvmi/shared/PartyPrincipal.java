package org.openvmi.shared;

/**
 * Implemented by the authenticated principal so that the data-access layer can learn which supplier (if any)
 * the caller is bound to without depending on the security feature.
 */
public interface PartyPrincipal {

    /** The supplier this user is bound to, or null for a buyer-side user. */
    Long supplierId();

    String supplierCode();

    boolean supplierUser();
}
