-- attempts counts every try of a delivery, redeliveries included (it was reset to 0 by a redelivery while the attempt
-- log went on); round_start is the attempts count when the current round of retries began, so the backoff and the
-- maximum attempts apply to each round.
ALTER TABLE webhook_delivery ADD COLUMN round_start INT DEFAULT 0 NOT NULL;

UPDATE webhook_delivery
SET round_start = GREATEST((SELECT COUNT(*) FROM webhook_attempt a WHERE a.delivery_id = webhook_delivery.id)
                           - attempts, 0),
    attempts = (SELECT COUNT(*) FROM webhook_attempt a WHERE a.delivery_id = webhook_delivery.id);
