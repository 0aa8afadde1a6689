package org.openvmi.channels;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /channels/{code}/orders}: {@code {"orderId":"SO-1","lines":[{"item":"BRG-6204","qty":2}]}}. The
 * order id is the channel's own: a retry with the same id and lines answers the first result and reserves nothing
 * again; the same id with other lines is refused (422).
 */
public record ChannelOrderRequest(@MaxChars(100) String orderId, List<@Valid Line> lines) {

    public record Line(
            @MaxChars(64) String item,
            @Digits(integer = 15, fraction = 4) BigDecimal qty) {}
}
