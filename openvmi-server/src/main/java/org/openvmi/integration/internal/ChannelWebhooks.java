package org.openvmi.integration.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openvmi.channels.ChannelPauseChanged;
import org.openvmi.integration.model.OutboundEvent;
import org.openvmi.integration.model.WebhookEventTypes;
import org.springframework.stereotype.Component;

/**
 * channel.paused and channel.resumed, written to the outbox in the transaction that paused or resumed the channel;
 * keyed by channel and item. Data: {@code {"channel":…,"item":…,"poolFree":…,"threshold":…,"status":…}};
 * {@code item} and {@code poolFree} are null when a person deactivated (INACTIVE, channel.paused) or reactivated
 * (ACTIVE, channel.resumed) the whole channel.
 */
@Component
class ChannelWebhooks {

    private final EventOutbox outbox;

    ChannelWebhooks(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @OutboxListener
    public void on(ChannelPauseChanged e) {
        // ACTIVE is a resume (automatic, or a person reactivated the channel); PAUSED and INACTIVE stop its selling
        String type =
                "ACTIVE".equals(e.status()) ? WebhookEventTypes.CHANNEL_RESUMED : WebhookEventTypes.CHANNEL_PAUSED;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel", e.channel());
        data.put("item", e.item());
        data.put("poolFree", e.poolFree() == null ? null : Payloads.plain(e.poolFree()));
        data.put("threshold", e.threshold() == null ? null : Payloads.plain(e.threshold()));
        data.put("status", e.status());
        String subject = e.item() == null ? e.channel() : e.channel() + ":" + e.item();
        outbox.publish(new OutboundEvent(
                type, type + ":" + e.at().toEpochMilli() + ":" + subject, subject, null, e.at(), data));
    }
}
