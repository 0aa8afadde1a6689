-- The texts ADR 0084 left in English get their code too: a rule run's own error (the rule's history) and why a mail or
-- a group robot message failed (the mail log, the robots page). Old rows get their code from the English text where
-- it maps; the rest stay NULL and pages show the text as stored.
ALTER TABLE rule_run ADD COLUMN error_code VARCHAR(40);
UPDATE rule_run SET error_code = CASE
        WHEN error = 'the condition does not compile' THEN 'notCompiled'
        WHEN error LIKE 'time budget of % ms exceeded after % subjects' THEN 'timeBudget'
        WHEN error LIKE 'reading the subjects failed:%' THEN 'readFailed'
        WHEN error LIKE 'actions failed:%' THEN 'actionsFailed'
        WHEN error LIKE '% @ %: %' THEN 'evaluation'
        ELSE NULL END
    WHERE error IS NOT NULL;

ALTER TABLE notification_mail ADD COLUMN last_error_code VARCHAR(40);
UPDATE notification_mail SET last_error_code = CASE
        WHEN last_error LIKE 'HTTP %' THEN 'httpStatus'
        WHEN last_error LIKE 'errcode %' THEN 'robotRefused'
        WHEN last_error LIKE 'unreadable answer:%' THEN 'unreadableAnswer'
        WHEN last_error LIKE 'the group robot is gone or no longer %' THEN 'robotGone'
        WHEN last_error LIKE 'the user no longer has a % robot' THEN 'robotNotChosen'
        WHEN last_error LIKE 'HttpConnectTimeoutException%' OR last_error LIKE 'HttpTimeoutException%' THEN 'timeout'
        WHEN last_error LIKE 'ConnectException%' THEN 'refused'
        WHEN last_error LIKE 'UnknownHostException%' OR last_error LIKE 'UnresolvedAddressException%'
            THEN 'unknownHost'
        WHEN last_error LIKE 'SSL%' THEN 'tls'
        WHEN last_error = 'interrupted' THEN 'interrupted'
        WHEN last_error LIKE 'IllegalArgumentException%' THEN 'badUrl'
        WHEN last_error LIKE '%IOException%' OR last_error LIKE 'EOFException%' THEN 'network'
        WHEN last_error LIKE 'Authentication failed%' THEN 'mailAuth'
        WHEN last_error LIKE 'Mail server connection failed%' THEN 'mailSend'
        ELSE NULL END
    WHERE last_error IS NOT NULL;
