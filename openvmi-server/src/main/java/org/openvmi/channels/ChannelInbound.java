package org.openvmi.channels;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.tabular.TabularFiles;
import org.openvmi.shared.tabular.TabularFormat;
import org.openvmi.shared.tabular.TabularRow;
import org.springframework.stereotype.Service;

/**
 * Channel orders that arrive in bulk: a CSV file (columns orderId, item, qty; rows of one order id form one order)
 * and bodies of shops or POS read by a {@link ChannelOrderAdapter}. Each order is placed (or committed, released) on
 * its own, idempotently, so a file sent twice places nothing twice; the answer lists each order's outcome.
 */
@Service
public class ChannelInbound {

    /** The outcome of one order: RESERVED, COMMITTED, RELEASED, or REFUSED with the reason. */
    public record Outcome(String orderId, String action, String status, String reason) {}

    public record Result(int accepted, int refused, List<Outcome> orders) {}

    private final ChannelOrders orders;
    private final Channels channels;
    private final Map<String, ChannelOrderAdapter> adapters = new LinkedHashMap<>();

    ChannelInbound(ChannelOrders orders, Channels channels, List<ChannelOrderAdapter> adapters) {
        this.orders = orders;
        this.channels = channels;
        adapters.forEach(a -> this.adapters.put(a.name(), a));
    }

    public List<String> adapters() {
        return List.copyOf(adapters.keySet());
    }

    public Result csv(String channel, byte[] file) {
        channels.get(channel);
        if (file == null || file.length == 0) {
            throw InvalidInputException.of("file", CodedRefusal.required());
        }
        List<TabularRow> rows = TabularFiles.read(new ByteArrayInputStream(file), TabularFormat.CSV);
        Map<String, List<ChannelOrderRequest.Line>> byOrder = new LinkedHashMap<>();
        for (TabularRow row : rows) {
            String orderId = row.get("orderId");
            if (orderId == null) {
                throw InvalidInputException.of("file", "row " + row.rowNumber() + ": orderId is required");
            }
            BigDecimal qty;
            try {
                qty = row.get("qty") == null ? null : new BigDecimal(row.get("qty"));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("file", "row " + row.rowNumber() + ": qty is not a number");
            }
            byOrder.computeIfAbsent(orderId, k -> new ArrayList<>())
                    .add(new ChannelOrderRequest.Line(row.get("item"), qty));
        }
        List<ChannelOrderAdapter.Command> commands = new ArrayList<>();
        byOrder.forEach((id, lines) -> commands.add(
                new ChannelOrderAdapter.Command(ChannelOrderAdapter.Action.PLACE, new ChannelOrderRequest(id, lines))));
        return run(channel, commands);
    }

    public Result webhook(String channel, String adapter, byte[] body) {
        ChannelOrderAdapter a = adapters.get(adapter);
        if (a == null) {
            throw new NotFoundException("Channel adapter", adapter);
        }
        return run(channel, a.read(body));
    }

    private Result run(String channel, List<ChannelOrderAdapter.Command> commands) {
        channels.get(channel); // an unknown channel is a 404 for the whole request
        List<Outcome> outcomes = new ArrayList<>();
        int accepted = 0;
        for (ChannelOrderAdapter.Command c : commands) {
            String orderId = c.order().orderId();
            try {
                ChannelOrderView v = switch (c.action()) {
                    case PLACE -> orders.place(channel, c.order()).order();
                    case COMMIT -> orders.commit(channel, orderId);
                    case RELEASE -> orders.release(channel, orderId);
                };
                outcomes.add(new Outcome(orderId, c.action().name(), v.status(), null));
                accepted++;
            } catch (NotFoundException e) {
                outcomes.add(new Outcome(orderId, c.action().name(), "REFUSED", e.getMessage()));
            } catch (InvalidInputException e) {
                outcomes.add(new Outcome(
                        orderId,
                        c.action().name(),
                        "REFUSED",
                        e.errors().stream()
                                .map(f -> f.field() + ": " + f.message())
                                .reduce((x, y) -> x + "; " + y)
                                .orElse(e.getMessage())));
            } catch (RuntimeException e) {
                if (!(e instanceof org.openvmi.shared.ConflictException
                        || e instanceof org.openvmi.shared.BusinessRuleException)) {
                    throw e;
                }
                outcomes.add(new Outcome(orderId, c.action().name(), "REFUSED", e.getMessage()));
            }
        }
        return new Result(accepted, outcomes.size() - accepted, outcomes);
    }
}
