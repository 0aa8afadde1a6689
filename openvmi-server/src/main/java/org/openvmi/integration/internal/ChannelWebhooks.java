package org.openvmi.integration.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openvmi.channels.ChannelPauseChanged;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.springframework.stereotype.Component;

/**
 * channel.paused and channel.resumed, written to the outbox in the transaction that paused or resumed the channel;
 * keyed by channel and item. Data: {@code {"channel":…,"item":…,"poolFree":…,"threshold":…}}.
 */
@Component
class ChannelWebhooks {

    private final EventOutbox outbox;

    ChannelWebhooks(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @OutboxListener
    public void on(ChannelPauseChanged e) {
        String type =
                "PAUSED".equals(e.status()) ? WebhookEventTypes.CHANNEL_PAUSED : WebhookEventTypes.CHANNEL_RESUMED;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel", e.channel());
        data.put("item", e.item());
        data.put("poolFree", Payloads.plain(e.poolFree()));
        data.put("threshold", Payloads.plain(e.threshold()));
        String subject = e.channel() + ":" + e.item();
        outbox.publish(new OutboundEvent(
                type, type + ":" + e.at().toEpochMilli() + ":" + subject, subject, null, e.at(), data));
    }
}
