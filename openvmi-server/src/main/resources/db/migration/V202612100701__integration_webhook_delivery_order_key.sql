-- Webhook deliveries keep the event's ordering key (event_outbox.event_key: item@warehouse, purchase-order:<id> …):
-- a delivery waits while an earlier one of the same key to the same webhook is still pending (ADR 0071).
-- Rows queued before this (and test pings) have none and are not ordered.
ALTER TABLE webhook_delivery ADD COLUMN order_key VARCHAR(200);
CREATE INDEX webhook_delivery_order ON webhook_delivery (subscription_id, order_key, status);
