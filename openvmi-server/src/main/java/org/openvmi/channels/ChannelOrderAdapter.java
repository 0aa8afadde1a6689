package org.openvmi.channels;

import java.util.List;

/**
 * Turns what a shop, marketplace or POS sends into channel order commands. An adapter is a Spring bean named by
 * {@link #name()}; {@code POST /channels/{code}/inbound/{name}} hands it the raw body. Add a shop by adding an adapter.
 */
public interface ChannelOrderAdapter {

    /** What to do with an order the shop sent. */
    enum Action {
        PLACE,
        COMMIT,
        RELEASE
    }

    record Command(Action action, ChannelOrderRequest order) {}

    String name();

    /** The commands in the body, in order; an unreadable body is an {@code InvalidInputException} naming the field. */
    List<Command> read(byte[] body);
}
