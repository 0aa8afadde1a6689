package org.openvmi.channels.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.openvmi.channels.AtpView;
import org.openvmi.channels.ChannelInbound;
import org.openvmi.channels.ChannelOrderRequest;
import org.openvmi.channels.ChannelOrderView;
import org.openvmi.channels.ChannelOrders;
import org.openvmi.channels.ChannelRequest;
import org.openvmi.channels.ChannelView;
import org.openvmi.channels.Channels;
import org.openvmi.channels.ItemPauseRequest;
import org.openvmi.channels.ItemPauseView;
import org.openvmi.channels.PauseLogView;
import org.openvmi.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(
        name = "Channels",
        description = "Sales channels on shared stock: allocation rules, available-to-sell per channel "
                + "(never promising a unit twice), channel orders reserving, committing or "
                + "releasing stock; buyer side only")
@RestController
@RequestMapping("/api/v1/channels")
class ChannelApiController {

    private final Channels channels;
    private final ChannelOrders orders;
    private final ChannelInbound inbound;

    ChannelApiController(Channels channels, ChannelOrders orders, ChannelInbound inbound) {
        this.channels = channels;
        this.orders = orders;
        this.inbound = inbound;
    }

    @Operation(operationId = "listChannels")
    @GetMapping
    List<ChannelView> list() {
        return channels.list();
    }

    @Operation(
            operationId = "createChannel",
            summary = "Create a channel",
            description = "{\"code\":\"SHOP\",\"name\":\"Online shop\",\"priority\":1,\"warehouses\":[\"WH1\"],"
                    + "\"percentage\":null,\"fixedQuota\":null,\"safetyBuffer\":0,\"pauseBelow\":null}")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ChannelView> create(@RequestBody ChannelRequest request) {
        ChannelView created = channels.create(request);
        return ResponseEntity.created(URI.create("/api/v1/channels/" + created.code()))
                .body(created);
    }

    @Operation(operationId = "getChannel")
    @GetMapping("/{code}")
    ChannelView get(@PathVariable String code) {
        return channels.get(code);
    }

    @Operation(
            operationId = "updateChannel",
            summary = "Change a channel's rule (priority, shares, buffer, pause line, status)")
    @PutMapping("/{code}")
    ChannelView update(@PathVariable String code, @RequestBody ChannelRequest request) {
        return channels.update(code, request);
    }

    @Operation(
            operationId = "getChannelAtp",
            summary = "Available-to-sell of the channel for items (comma-separated codes)",
            description = "Available-to-sell of the channel for items (comma-separated codes). Answered with an "
                    + "ETag; a request with If-None-Match naming it gets 304 without a body while the figures are "
                    + "unchanged (ADR 0090)")
    // a declared answer without content is described by the method's return type (JSON); 304 has none
    @ApiResponse(responseCode = "200", description = "The channel's available-to-sell per item")
    @ApiResponse(
            responseCode = "304",
            description = "Unchanged since the ETag sent in If-None-Match",
            content = @Content)
    // the plain successful read is answered before this controller by AtpFastPath (ADR 0090); everything else here
    @GetMapping("/{code}/atp")
    AtpView atp(@PathVariable String code, @RequestParam(required = false) List<String> items) {
        return channels.atp(code, items);
    }

    @Operation(operationId = "listChannelPauses", summary = "The channel's pauses and resumes, newest first")
    @GetMapping("/{code}/pauses")
    List<PauseLogView> pauses(@PathVariable String code) {
        return channels.pauseLog(code);
    }

    @Operation(
            operationId = "pauseChannelItem",
            summary = "Pause the channel for an item and hold it so",
            description = "{\"note\":\"stock held for a key account\"} (optional). The automatic pause line leaves a"
                    + " held pause alone until a person (or the rule that set it) resumes it; logged and audited")
    @PostMapping("/{code}/items/{item}/pause")
    ItemPauseView pauseItem(
            @PathVariable String code,
            @PathVariable String item,
            @RequestBody(required = false) ItemPauseRequest request) {
        return channels.pauseItem(code, item, request);
    }

    @Operation(
            operationId = "resumeChannelItem",
            summary = "Resume a channel held paused for an item (by a rule or a person)",
            description = "The pause line then judges the item at once; a channel paused by its line is a 409")
    @PostMapping("/{code}/items/{item}/resume")
    ItemPauseView resumeItem(
            @PathVariable String code,
            @PathVariable String item,
            @RequestBody(required = false) ItemPauseRequest request) {
        return channels.resumeItem(code, item, request);
    }

    @Operation(
            operationId = "placeChannelOrder",
            summary = "Reserve stock for a channel order",
            description = "{\"orderId\":\"SO-1\",\"lines\":[{\"item\":\"BRG-6204\",\"qty\":2}]} → 201 RESERVED; "
                    + "a retry with the same order id and lines → 200 with the first result; 409 names each item "
                    + "and what the channel may still sell")
    @ApiResponse(responseCode = "201", description = "Reserved")
    @ApiResponse(responseCode = "200", description = "A retry of an order already placed: its first result")
    @PostMapping("/{code}/orders")
    ResponseEntity<ChannelOrderView> place(@PathVariable String code, @RequestBody ChannelOrderRequest request) {
        ChannelOrders.Placed placed = orders.place(code, request);
        URI location = URI.create(
                "/api/v1/channels/" + code + "/orders/" + placed.order().orderId());
        return placed.created()
                ? ResponseEntity.created(location).body(placed.order())
                : ResponseEntity.ok().location(location).body(placed.order());
    }

    @Operation(operationId = "getChannelOrder")
    @GetMapping("/{code}/orders/{orderId}")
    ChannelOrderView order(@PathVariable String code, @PathVariable String orderId) {
        return orders.get(code, orderId);
    }

    @Operation(operationId = "commitChannelOrder", summary = "Issue the order's stock through the ledger (idempotent)")
    @PostMapping("/{code}/orders/{orderId}/commit")
    ChannelOrderView commit(@PathVariable String code, @PathVariable String orderId) {
        return orders.commit(code, orderId);
    }

    @Operation(operationId = "releaseChannelOrder", summary = "Give the order's reserved stock back (idempotent)")
    @PostMapping("/{code}/orders/{orderId}/release")
    ChannelOrderView release(@PathVariable String code, @PathVariable String orderId) {
        return orders.release(code, orderId);
    }

    @Operation(operationId = "importChannelOrders", summary = "Place channel orders from a CSV file (orderId,item,qty)")
    @PostMapping(path = "/{code}/orders/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ChannelInbound.Result importOrders(
            @PathVariable String code, @RequestParam(value = "file", required = false) MultipartFile file) {
        try {
            return inbound.csv(code, file == null ? null : file.getBytes());
        } catch (IOException e) {
            throw InvalidInputException.of("file", "cannot read the upload");
        }
    }

    @Operation(
            operationId = "receiveChannelWebhook",
            summary = "Orders sent by a shop or POS, read by an adapter (generic)")
    @PostMapping(path = "/{code}/inbound/{adapter}")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.OK)
    ChannelInbound.Result inbound(
            @PathVariable String code, @PathVariable String adapter, @RequestBody(required = false) byte[] body) {
        return inbound.webhook(code, adapter, body == null ? new byte[0] : body);
    }
}
