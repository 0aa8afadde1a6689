-- Scheduled report mails (issue 15): the reports a user chose on its settings page; no row = none (opt in).
CREATE TABLE notification_report_subscription (
    username   VARCHAR(64)              NOT NULL,
    report     VARCHAR(24)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notification_report_subscription_pk PRIMARY KEY (username, report),
    CONSTRAINT notification_report_subscription_report_check CHECK (report IN ('WEEKLY_KPIS', 'STALE_STOCK'))
);

-- One row per report and period mailed: the instance whose insert wins mails it, the others find it taken.
CREATE TABLE notification_report_run (
    report     VARCHAR(24)              NOT NULL,
    period_key VARCHAR(16)              NOT NULL,
    ran_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notification_report_run_pk PRIMARY KEY (report, period_key)
);

-- report mails go through the same outbox and sender as alert mails, as their own kind
ALTER TABLE notification_mail DROP CONSTRAINT notification_mail_kind_check;
ALTER TABLE notification_mail ADD CONSTRAINT notification_mail_kind_check
    CHECK (mail_kind IN ('IMMEDIATE', 'DIGEST', 'REPORT'));
