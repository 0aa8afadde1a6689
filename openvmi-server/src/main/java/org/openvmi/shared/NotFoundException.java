package org.openvmi.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown resource: 404. Also what a supplier user gets for another supplier's rows. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super(what + " '" + key + "' not found");
    }
}
