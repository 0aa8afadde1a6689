-- An escalation reopens an acknowledged alert (it is news); its acknowledgement was of the milder level, so the alert
-- drops it and the history entry of the escalation keeps it: who acknowledged, when, and with what comment.
ALTER TABLE stock_alert_level ADD COLUMN cleared_ack_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE stock_alert_level ADD COLUMN cleared_ack_by VARCHAR(100);
ALTER TABLE stock_alert_level ADD COLUMN cleared_ack_comment VARCHAR(500);
