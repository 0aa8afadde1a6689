package org.openvmi.integration.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.channels.ChannelPauseChanged;
import org.openvmi.integration.model.WebhookEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * channel.paused and channel.resumed for webhooks, after the transaction that paused or resumed the channel
 * committed (from the event publication registry). Payload:
 * {@code {"event":"channel.paused","occurredAt":…,"data":{"channel":…,"item":…,"poolFree":…,"threshold":…,"status":…}}};
 * {@code item} and {@code poolFree} are null when a person deactivated (INACTIVE, channel.paused) or reactivated
 * (ACTIVE, channel.resumed) the whole channel.
 */
@Component
class ChannelWebhooks {

    private final WebhookOutbox outbox;
    private final JsonMapper json;

    ChannelWebhooks(WebhookOutbox outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @ApplicationModuleListener
    public void on(ChannelPauseChanged e) {
        // ACTIVE is a resume (automatic, or a person reactivated the channel); PAUSED and INACTIVE stop its selling
        String type =
                "ACTIVE".equals(e.status()) ? WebhookEventTypes.CHANNEL_RESUMED : WebhookEventTypes.CHANNEL_PAUSED;
        List<Long> subscribers = outbox.subscribersOf(type);
        if (subscribers.isEmpty()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel", e.channel());
        data.put("item", e.item());
        data.put("poolFree", e.poolFree());
        data.put("threshold", e.threshold());
        data.put("status", e.status());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", type);
        body.put("occurredAt", e.at().toString());
        body.put("data", data);
        String subject = e.item() == null ? e.channel() : e.channel() + ":" + e.item();
        String key =
                type + ":" + e.at().toEpochMilli() + ":" + (subject.length() > 90 ? subject.substring(0, 90) : subject);
        outbox.publish(new WebhookEvent(type, key, json.writeValueAsString(body)), subscribers);
    }
}
