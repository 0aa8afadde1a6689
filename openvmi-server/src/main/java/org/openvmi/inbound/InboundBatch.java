package org.openvmi.inbound;

import java.util.List;

/** The body of the bulk endpoints: up to {@link #MAX_DOCUMENTS} documents, each posted on its own. */
public record InboundBatch<D>(List<D> documents) {

    public static final int MAX_DOCUMENTS = 1000;
}
