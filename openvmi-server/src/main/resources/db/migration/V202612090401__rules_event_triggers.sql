-- Issue 17: rules run on events too (movement posted, supplier stock reported, purchase order changed, planning run
-- finished, alert raised); the run log says what started each run: CRON, or the event's name.
ALTER TABLE rule_run ADD COLUMN trigger_kind VARCHAR(40) DEFAULT 'CRON' NOT NULL;
