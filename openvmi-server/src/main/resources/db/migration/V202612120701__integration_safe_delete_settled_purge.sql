-- Deleting a webhook marks it deleted (it is gone from every list and receives nothing more); its row, deliveries and
-- attempt log are purged once no POST of it can still be in flight, so an attempt in flight while it was deleted is
-- recorded instead of failing on the attempt log's foreign key (ADR 0078).
ALTER TABLE webhook_subscription ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

-- The outbox is purged by when a row was settled (published to the broker, or written with the broker off), not by
-- created_at, which a back-dated writer (the demo's pinned clock) sets in the past: a row settled today stays for the
-- retention. A row whose webhook deliveries are still pending is never purged either (ADR 0078).
ALTER TABLE event_outbox ADD COLUMN settled_at TIMESTAMP WITH TIME ZONE;
UPDATE event_outbox SET settled_at = published_at WHERE broker_status = 'PUBLISHED';
UPDATE event_outbox SET settled_at = CURRENT_TIMESTAMP WHERE broker_status = 'OFF';
CREATE INDEX event_outbox_settled ON event_outbox (settled_at);
CREATE INDEX webhook_delivery_event ON webhook_delivery (event_id, status);
DROP INDEX event_outbox_created;
