package org.openvmi.inventory.internal;

import org.openvmi.shared.ConflictException;

/** A document's row changed between reading and writing it; the use case runs again (see DocumentTransactions). */
public class StaleDocumentException extends ConflictException {

    public StaleDocumentException(String what, long id) {
        super(what + " " + id + " was changed by someone else at the same time; reload and try again");
    }
}
