-- Channels (issue 17 with ADR 0069): a pause a rule or a person set (reason RULE or MANUAL) is held: the automatic
-- pause line leaves it alone until a rule or a person resumes it. The pause and the log say who did it and why.
ALTER TABLE channel_item_pause ADD COLUMN reason VARCHAR(16) DEFAULT 'LINE' NOT NULL;
ALTER TABLE channel_item_pause ADD COLUMN paused_by VARCHAR(100);
ALTER TABLE channel_pause_log ADD COLUMN reason VARCHAR(16);
ALTER TABLE channel_pause_log ADD COLUMN actor VARCHAR(100);
ALTER TABLE channel_pause_log ADD COLUMN note VARCHAR(500);
