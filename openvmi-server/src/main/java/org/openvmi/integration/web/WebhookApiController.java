package org.openvmi.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.openvmi.integration.DeliveryView;
import org.openvmi.integration.WebhookCommand;
import org.openvmi.integration.WebhookCreated;
import org.openvmi.integration.WebhookView;
import org.openvmi.integration.Webhooks;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Webhooks",
        description = "Signed HTTP callbacks for business events (docs/events/asyncapi.yaml); an ADMIN's receive every "
                + "event of their types, a supplier user's only its own supplier's events")
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookApiController {

    private final Webhooks webhooks;

    WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    PageResult<WebhookView> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return webhooks.find(PageRequest.of(page, size));
    }

    @Operation(
            operationId = "createWebhook",
            summary = "Register a webhook",
            description = "{\"url\":…,\"eventTypes\":[\"alert.raised\","
                    + "\"alert.resolved\"],\"secret\":optional (16 to 200 characters; generated when absent),\"active\":true}. "
                    + "The answer carries the secret, this once only.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<WebhookCreated> register(@Valid @RequestBody WebhookCommand command) {
        WebhookCreated created = webhooks.register(command);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id()))
                .body(created);
    }

    @Operation(
            operationId = "listWebhookDeadLetters",
            summary = "Dead letters: deliveries of the caller's webhooks that exhausted their attempts (FAILED), "
                    + "newest first")
    @GetMapping("/dead-letters")
    java.util.List<DeliveryView> deadLetters(@RequestParam(required = false) Integer limit) {
        return webhooks.deadLetters(limit == null ? 100 : limit);
    }

    @Operation(
            operationId = "replayWebhookDeadLetters",
            summary =
                    "Send the FAILED deliveries of a webhook again, each with a fresh round of attempts, in the order "
                            + "they were queued",
            description = "Answers {\"replayed\": n, \"overtaken\": m}: a dead letter overtaken by a later delivered "
                    + "event of its key is not sent again (it would arrive out of order) and is counted in overtaken, "
                    + "unless outOfOrder=true.")
    @PostMapping("/{id}/deliveries/replay-failed")
    Webhooks.Replay replayFailed(@PathVariable long id, @RequestParam(defaultValue = "false") boolean outOfOrder) {
        return webhooks.redeliverFailed(id, outOfOrder);
    }

    @Operation(
            operationId = "testWebhook",
            summary = "Send a test ping (type webhook.test, signed like every delivery) to a webhook",
            description = "Answers the queued delivery; it shows in the delivery log like any other.")
    @PostMapping("/{id}/test")
    DeliveryView test(@PathVariable long id) {
        return webhooks.sendTest(id);
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable long id) {
        return webhooks.get(id);
    }

    @Operation(summary = "Pause or resume a webhook", description = "{\"active\":false}; deliveries wait while paused")
    @PutMapping("/{id}/active")
    WebhookView setActive(@PathVariable long id, @RequestBody Map<String, Boolean> body) {
        Boolean active = body == null ? null : body.get("active");
        if (active == null) {
            throw InvalidInputException.of("active", "is required: true or false");
        }
        return webhooks.setActive(id, active);
    }

    @Operation(summary = "Delete a webhook with its delivery log")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The delivery log of a webhook, newest first, with every attempt")
    @GetMapping("/{id}/deliveries")
    PageResult<DeliveryView> deliveries(
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return webhooks.deliveries(id, status, PageRequest.of(page, size));
    }

    /** {@code deliveryId}: the delivery's number or the UUID receivers see in {@code X-OpenVMI-Delivery}. */
    @Operation(operationId = "getWebhookDelivery")
    @GetMapping("/{id}/deliveries/{deliveryId}")
    DeliveryView delivery(@PathVariable long id, @PathVariable String deliveryId) {
        return webhooks.delivery(id, deliveryId);
    }

    @Operation(
            operationId = "redeliverWebhookDelivery",
            summary = "Send a delivery again now, with a fresh round of attempts; deliveryId is its number or the "
                    + "UUID receivers see in X-OpenVMI-Delivery; attempts go on counting every try",
            description = "An overtaken delivery (a later delivery of its key was delivered already) is refused with "
                    + "409 naming outOfOrder, unless outOfOrder=true: it would arrive after that later event.")
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    DeliveryView redeliver(
            @PathVariable long id,
            @PathVariable String deliveryId,
            @RequestParam(defaultValue = "false") boolean outOfOrder) {
        return webhooks.redeliver(id, deliveryId, outOfOrder);
    }
}
