package org.openvmi.channels.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.channels.ChannelOrderAdapter;
import org.openvmi.channels.ChannelOrderRequest;
import org.openvmi.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic webhook-in adapter ({@code generic}): one order or {@code {"orders":[…]}}, each
 * {@code {"action":"PLACE|COMMIT|RELEASE","orderId":…,"lines":[{"item":…,"qty":…}]}}; {@code action} defaults to
 * PLACE, and the common shop spellings are read too ({@code id}/{@code order_id}, {@code items}, {@code sku},
 * {@code quantity}, {@code created}/{@code paid}/{@code fulfilled}/{@code cancelled} as the action).
 */
@Component
class GenericWebhookAdapter implements ChannelOrderAdapter {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public List<Command> read(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException e) {
            throw InvalidInputException.of("body", "not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject() && !root.isArray()) {
            throw InvalidInputException.of("body", "a JSON object or array of orders is expected");
        }
        JsonNode list = root.isArray() ? root : root.has("orders") ? root.get("orders") : null;
        List<Command> commands = new ArrayList<>();
        if (list == null) {
            commands.add(command(root, "body"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                commands.add(command(list.get(i), "orders[" + i + "]"));
            }
        }
        return commands;
    }

    private static Command command(JsonNode order, String field) {
        String orderId = text(order, "orderId", "order_id", "id");
        if (orderId == null) {
            throw InvalidInputException.of(field + ".orderId", "required");
        }
        Action action = action(text(order, "action", "event", "status"), field);
        List<ChannelOrderRequest.Line> lines = new ArrayList<>();
        JsonNode items = order.has("lines") ? order.get("lines") : order.get("items");
        if (items != null && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode l = items.get(i);
                String qty = text(l, "qty", "quantity");
                BigDecimal q;
                try {
                    q = qty == null ? null : new BigDecimal(qty);
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of(field + ".lines[" + i + "].qty", "not a number");
                }
                lines.add(new ChannelOrderRequest.Line(text(l, "item", "sku"), q));
            }
        }
        return new Command(action, new ChannelOrderRequest(orderId, lines));
    }

    private static Action action(String value, String field) {
        if (value == null) {
            return Action.PLACE;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "place", "created", "paid", "order.created" -> Action.PLACE;
            case "commit", "fulfilled", "shipped", "order.fulfilled" -> Action.COMMIT;
            case "release", "cancelled", "canceled", "order.cancelled" -> Action.RELEASE;
            default -> throw InvalidInputException.of(field + ".action", "PLACE, COMMIT or RELEASE");
        };
    }

    private static String text(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && !v.isNull()) {
                String s = v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
                return s == null || s.isBlank() ? null : s.trim();
            }
        }
        return null;
    }
}
