-- Texts the system writes are stored with a code besides their English text, so pages show them in the page's
-- language (ADR 0084, after ADR 0078): a planning run's failure, the note of a rule the engine switched off, a
-- webhook attempt's error (a category; the English detail stays) and a channel order's close reason. Old rows get
-- their code from the English text where it maps; the rest stay NULL and pages show the text as stored.
ALTER TABLE planning_run ADD COLUMN error_code VARCHAR(40);
UPDATE planning_run SET error_code = CASE
        WHEN error = 'too many planning runs queued' THEN 'queueFull'
        WHEN error LIKE 'no heartbeat for %' THEN 'noHeartbeat'
        ELSE 'failed' END
    WHERE error IS NOT NULL;

ALTER TABLE rule_definition ADD COLUMN disabled_code VARCHAR(40);
UPDATE rule_definition SET disabled_code = 'failedRuns' WHERE disabled_reason LIKE 'Disabled after % failed runs%';

ALTER TABLE webhook_attempt ADD COLUMN error_code VARCHAR(40);
ALTER TABLE webhook_delivery ADD COLUMN last_error_code VARCHAR(40);
UPDATE webhook_attempt SET error_code = CASE
        WHEN error LIKE 'HTTP %' THEN 'httpStatus'
        WHEN error LIKE 'HttpConnectTimeoutException%' OR error LIKE 'HttpTimeoutException%' THEN 'timeout'
        WHEN error LIKE 'ConnectException%' THEN 'refused'
        WHEN error LIKE 'UnknownHostException%' OR error LIKE 'UnresolvedAddressException%' THEN 'unknownHost'
        WHEN error LIKE 'SSL%' THEN 'tls'
        WHEN error = 'interrupted' THEN 'interrupted'
        WHEN error LIKE 'IllegalArgumentException%' THEN 'badUrl'
        WHEN error LIKE '%IOException%' OR error LIKE 'EOFException%' THEN 'network'
        ELSE 'other' END
    WHERE error IS NOT NULL;
UPDATE webhook_delivery SET last_error_code = CASE
        WHEN last_error LIKE 'HTTP %' THEN 'httpStatus'
        WHEN last_error LIKE 'HttpConnectTimeoutException%' OR last_error LIKE 'HttpTimeoutException%' THEN 'timeout'
        WHEN last_error LIKE 'ConnectException%' THEN 'refused'
        WHEN last_error LIKE 'UnknownHostException%' OR last_error LIKE 'UnresolvedAddressException%'
            THEN 'unknownHost'
        WHEN last_error LIKE 'SSL%' THEN 'tls'
        WHEN last_error = 'interrupted' THEN 'interrupted'
        WHEN last_error LIKE 'IllegalArgumentException%' THEN 'badUrl'
        WHEN last_error LIKE '%IOException%' OR last_error LIKE 'EOFException%' THEN 'network'
        ELSE 'other' END
    WHERE last_error IS NOT NULL;

ALTER TABLE channel_order ADD COLUMN close_code VARCHAR(40);
ALTER TABLE channel_order ADD COLUMN close_reservation BIGINT;
UPDATE channel_order SET close_code = 'reservationExpired' WHERE close_reason LIKE 'reservation % expired outside channels';
UPDATE channel_order SET close_code = 'reservationReleased'
    WHERE close_reason LIKE 'reservation % released by % outside channels';
UPDATE channel_order
    SET close_reservation = CAST(SUBSTRING(close_reason, 13, POSITION(' ' IN SUBSTRING(close_reason, 13)) - 1) AS BIGINT)
    WHERE close_code IS NOT NULL;
