package org.openvmi.integration;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.openvmi.audit.AuditTrail;
import org.openvmi.integration.internal.DeliveryRepository;
import org.openvmi.integration.internal.WebhookRepository;
import org.openvmi.integration.model.WebhookEventTypes;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering webhooks and looking after their deliveries (ADMIN only, enforced by the HTTP rules). */
@Service
public class Webhooks {

    private static final String ENTITY = "webhook";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final AuditTrail audit;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, DeliveryRepository deliveries, AuditTrail audit, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<WebhookView> find(PageRequest page) {
        return new PageResult<>(
                webhooks.findPage(page.size(), page.offset()), page.page(), page.size(), webhooks.count());
    }

    @Transactional(readOnly = true)
    public WebhookView get(long id) {
        return webhooks.find(id).orElseThrow(() -> new NotFoundException("Webhook", String.valueOf(id)));
    }

    /** Registers a webhook; the answer carries its secret, this once only. */
    @Transactional
    public WebhookCreated register(WebhookCommand c) {
        FieldErrors errors = new FieldErrors();
        checkUrl(c.getUrl(), errors);
        if (c.getEventTypes().isEmpty()) {
            errors.add("eventTypes", CodedRefusal.of("atLeastOne", "choose at least one of " + WebhookEventTypes.ALL));
        }
        Set<String> unknown = WebhookEventTypes.unknown(c.getEventTypes());
        if (!unknown.isEmpty()) {
            errors.add(
                    "eventTypes",
                    CodedRefusal.of(
                            "unknownValue",
                            "unknown event types " + unknown + "; known: " + WebhookEventTypes.ALL,
                            String.join(", ", unknown),
                            String.join(", ", WebhookEventTypes.ALL)));
        }
        if (c.getSecret() != null
                && (c.getSecret().length() < 16 || c.getSecret().length() > 200)) {
            errors.add(
                    "secret",
                    CodedRefusal.of(
                            "secretLength",
                            "must be 16 to 200 characters (or left out to have one generated)",
                            16,
                            200));
        }
        errors.throwIfAny();
        String secret = c.getSecret() != null ? c.getSecret() : generateSecret();
        long id = webhooks.insert(
                c.getUrl(),
                secret,
                c.getEventTypes(),
                c.isActive(),
                c.getDescription(),
                clock.instant(),
                CurrentUser.name());
        WebhookView created = get(id);
        audit.record("CREATE", ENTITY, String.valueOf(id), null, created);
        return WebhookCreated.of(created, secret);
    }

    @Transactional
    public WebhookView setActive(long id, boolean active) {
        WebhookView before = get(id);
        webhooks.setActive(id, active);
        WebhookView after = get(id);
        audit.record("UPDATE", ENTITY, String.valueOf(id), before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        WebhookView before = get(id);
        webhooks.delete(id);
        audit.record("DELETE", ENTITY, String.valueOf(id), before, null);
    }

    @Transactional(readOnly = true)
    public PageResult<DeliveryView> deliveries(long webhookId, String status, PageRequest page) {
        get(webhookId);
        String s = AllowedValues.code("status", status, java.util.List.of("PENDING", "DELIVERED", "FAILED"));
        return new PageResult<>(
                deliveries.findPage(webhookId, s, page), page.page(), page.size(), deliveries.count(webhookId, s));
    }

    @Transactional(readOnly = true)
    public DeliveryView delivery(long webhookId, long deliveryId) {
        return deliveries
                .find(webhookId, deliveryId)
                .orElseThrow(() -> new NotFoundException("Delivery", webhookId + "/" + deliveryId));
    }

    /** A delivery by its row id or by the UUID receivers see in {@code X-OpenVMI-Delivery}. */
    @Transactional(readOnly = true)
    public DeliveryView delivery(long webhookId, String delivery) {
        return delivery(webhookId, deliveryId(webhookId, delivery));
    }

    /**
     * Sends a delivery again at once, with a fresh round of attempts (e.g. after the receiver was fixed); its
     * {@code attempts} go on counting every try. The delivery is named by its row id or its UUID.
     */
    @Transactional
    public DeliveryView redeliver(long webhookId, String delivery) {
        return redeliver(webhookId, deliveryId(webhookId, delivery));
    }

    @Transactional
    public DeliveryView redeliver(long webhookId, long deliveryId) {
        delivery(webhookId, deliveryId);
        deliveries.redeliver(webhookId, deliveryId, clock.instant());
        return delivery(webhookId, deliveryId);
    }

    private long deliveryId(long webhookId, String delivery) {
        String ref = delivery == null ? "" : delivery.trim();
        if (ref.matches("\\d{1,18}")) {
            return Long.parseLong(ref);
        }
        try {
            String uid = UUID.fromString(ref).toString();
            return deliveries
                    .idOf(webhookId, uid)
                    .orElseThrow(() -> new NotFoundException("Delivery", webhookId + "/" + ref));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "deliveryId", "must be the delivery's number or its X-OpenVMI-Delivery UUID");
        }
    }

    private static void checkUrl(String url, FieldErrors errors) {
        if (url == null || url.isBlank()) {
            errors.add("url", CodedRefusal.required());
            return;
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                errors.add("url", CodedRefusal.of("httpUrl", "must be an absolute http or https URL"));
            }
        } catch (IllegalArgumentException e) {
            errors.add("url", CodedRefusal.of("httpUrl", "is not a valid URL"));
        }
    }

    private static String generateSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
