package org.openvmi.shared;

/** Unknown resource: 404. Also what a supplier user gets for another supplier's rows. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super(what + " '" + key + "' not found");
    }
}
