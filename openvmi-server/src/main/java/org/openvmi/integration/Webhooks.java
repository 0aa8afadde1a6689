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
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering webhooks and looking after their deliveries. An ADMIN's subscriptions are the buyer's and receive every
 * event of their types; a supplier user's belong to its supplier, may ask only for the supplier's own event types
 * ({@link WebhookEventTypes#SUPPLIER_OWNED}) and receive only that supplier's events. Each caller sees and manages
 * only the subscriptions of its party (a supplier user another supplier's never, not even by id).
 */
@Service
public class Webhooks {

    private static final String ENTITY = "webhook";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final AuditTrail audit;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;

    Webhooks(
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            AuditTrail audit,
            Clock clock,
            tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<WebhookView> find(PageRequest page) {
        PartyScope scope = PartyScope.current();
        return new PageResult<>(
                webhooks.findPage(page.size(), page.offset(), scope), page.page(), page.size(), webhooks.count(scope));
    }

    @Transactional(readOnly = true)
    public WebhookView get(long id) {
        return webhooks.find(id, PartyScope.current())
                .orElseThrow(() -> new NotFoundException("Webhook", String.valueOf(id)));
    }

    /** Registers a webhook; the answer carries its secret, this once only. */
    @Transactional
    public WebhookCreated register(WebhookCommand c) {
        FieldErrors errors = new FieldErrors();
        checkUrl(c.getUrl(), errors);
        if (c.getEventTypes().isEmpty()) {
            errors.add("eventTypes", CodedRefusal.of("atLeastOne", "choose at least one of " + WebhookEventTypes.ALL));
        }
        PartyScope scope = PartyScope.current();
        if (!scope.seesAll()) {
            if (scope.supplierId() == null) {
                throw new NotFoundException("Supplier", "of the current user");
            }
            Set<String> notOwn = new java.util.TreeSet<>(c.getEventTypes());
            notOwn.removeAll(WebhookEventTypes.SUPPLIER_OWNED);
            notOwn.removeAll(WebhookEventTypes.unknown(c.getEventTypes()));
            if (!notOwn.isEmpty()) {
                errors.add(
                        "eventTypes",
                        CodedRefusal.of(
                                "notSupplierEvents",
                                "a supplier subscribes to its own events only; not " + notOwn + "; its own: "
                                        + WebhookEventTypes.SUPPLIER_OWNED,
                                String.join(", ", notOwn),
                                String.join(", ", WebhookEventTypes.SUPPLIER_OWNED)));
            }
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
                scope.seesAll() ? null : scope.supplierId(),
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
        webhooks.delete(id, clock.instant());
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
        get(webhookId);
        return deliveries
                .find(webhookId, deliveryId)
                .orElseThrow(() -> new NotFoundException("Delivery", webhookId + "/" + deliveryId));
    }

    /** A delivery by its row id or by the UUID receivers see in {@code X-OpenVMI-Delivery}. */
    @Transactional(readOnly = true)
    public DeliveryView delivery(long webhookId, String delivery) {
        get(webhookId);
        return delivery(webhookId, deliveryId(webhookId, delivery));
    }

    /**
     * Sends a delivery again at once, with a fresh round of attempts (e.g. after the receiver was fixed); its
     * {@code attempts} go on counting every try. The delivery is named by its row id or its UUID.
     */
    @Transactional
    public DeliveryView redeliver(long webhookId, String delivery, boolean outOfOrder) {
        return redeliver(webhookId, deliveryId(webhookId, delivery), outOfOrder);
    }

    /**
     * Sends a delivery again; an overtaken dead letter (a later delivery of its key was delivered already) is refused
     * unless {@code outOfOrder}: sent again it would arrive after that later event, and that must be asked for, never
     * happen silently (ADR 0078).
     */
    @Transactional
    public DeliveryView redeliver(long webhookId, long deliveryId, boolean outOfOrder) {
        DeliveryView d = delivery(webhookId, deliveryId);
        if (d.overtaken() && !outOfOrder) {
            throw new ConflictException(
                    "outOfOrder",
                    CodedRefusal.of(
                            "deliveryOvertaken",
                            "a later delivery of its key (" + d.eventKey()
                                    + ") was delivered already: sent again it would arrive out of order; "
                                    + "ask with outOfOrder=true to send it anyway",
                            deliveryId));
        }
        deliveries.redeliver(webhookId, deliveryId, clock.instant());
        return delivery(webhookId, deliveryId);
    }

    /**
     * Queues a test ping to one of the caller's webhooks, signed like every delivery: {@code {"id","type":
     * "webhook.test","version":1,"occurredAt","key":null,"supplier","event":"webhook.test","data":{"webhook":id}}}; its
     * delivery shows in the log like any other. A paused webhook keeps it until resumed.
     */
    @Transactional
    public DeliveryView sendTest(long webhookId) {
        WebhookView hook = get(webhookId);
        String eventId = UUID.randomUUID().toString();
        java.time.Instant now = clock.instant();
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", WebhookEventTypes.TEST);
        body.put("version", WebhookEventTypes.VERSION);
        body.put("occurredAt", now.toString());
        body.put("key", null);
        body.put("supplier", hook.supplier());
        body.put("event", WebhookEventTypes.TEST);
        body.put("data", java.util.Map.of("webhook", webhookId));
        long id = deliveries.queueTest(webhookId, eventId, json.writeValueAsString(body), now);
        return delivery(webhookId, id);
    }

    /** What a replay of the dead letters did: how many were sent again, how many overtaken ones stayed FAILED. */
    public record Replay(int replayed, int overtaken) {}

    /**
     * Sends the dead letters (FAILED deliveries) of a webhook again, each with a fresh round of attempts, e.g. once its
     * receiver is fixed, in the order they were queued and ahead of the later pending deliveries of their keys. The
     * overtaken ones (a later delivery of their key was delivered already) stay FAILED and are counted, unless
     * {@code outOfOrder}: then they are sent too, knowingly out of order (ADR 0078).
     */
    @Transactional
    public Replay redeliverFailed(long webhookId, boolean outOfOrder) {
        get(webhookId);
        int n = deliveries.redeliverFailed(webhookId, outOfOrder, clock.instant());
        int left = deliveries.countOvertaken(webhookId);
        audit.record(
                "REDELIVER_FAILED",
                ENTITY,
                String.valueOf(webhookId),
                null,
                java.util.Map.of("deliveries", n, "overtakenLeft", left, "outOfOrder", outOfOrder));
        return new Replay(n, left);
    }

    /** Dead letters: the FAILED deliveries of the caller's webhooks, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public java.util.List<DeliveryView> deadLetters(int limit) {
        PartyScope scope = PartyScope.current();
        java.util.List<Long> ids = webhooks.findPage(10_000, 0, scope).stream()
                .map(WebhookView::id)
                .toList();
        return deliveries.failed(ids, Math.max(1, Math.min(limit, 500)));
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
