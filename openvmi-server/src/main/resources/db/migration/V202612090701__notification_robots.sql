-- Group robots (issue 19 part 2, ADR 0063): a user's notifications go to e-mail or to a WeCom / DingTalk group robot
-- (its webhook address and, for DingTalk, its signing secret). Robot messages wait in the same outbox as mails, with
-- the same retries; to_address then shows the robot's address without its key.
ALTER TABLE notification_preference ADD COLUMN channel VARCHAR(16) DEFAULT 'EMAIL' NOT NULL;
ALTER TABLE notification_preference ADD COLUMN robot_url VARCHAR(254);
ALTER TABLE notification_preference ADD COLUMN robot_secret VARCHAR(200);
ALTER TABLE notification_preference ADD CONSTRAINT notification_preference_channel_check
    CHECK (channel IN ('EMAIL', 'WECOM', 'DINGTALK'));

ALTER TABLE notification_mail ADD COLUMN channel VARCHAR(16) DEFAULT 'EMAIL' NOT NULL;
ALTER TABLE notification_mail ADD CONSTRAINT notification_mail_channel_check
    CHECK (channel IN ('EMAIL', 'WECOM', 'DINGTALK'));
CREATE INDEX notification_mail_channel_due ON notification_mail (channel, status, next_attempt_at);
