-- Rule actions reach the alert centre and planning's suggestion list (issue 17, ADR 0048 amendment).
-- A RULE alert carries the firing rule, its severity and its message in both languages (rendered when raised);
-- its open_key is "RULE:item:warehouse:rule:window", so the unique constraint allows one per rule x subject x day,
-- exactly like rule_firing.
ALTER TABLE stock_alert DROP CONSTRAINT stock_alert_type_check;
ALTER TABLE stock_alert ADD CONSTRAINT stock_alert_type_check CHECK (alert_type IN ('BELOW_SAFETY', 'BELOW_WARNING',
                                                                     'ABOVE_MAX', 'STOCKOUT', 'SUPPLIER_LOW_WATER', 'RULE'));
ALTER TABLE stock_alert ADD COLUMN rule_id BIGINT;
ALTER TABLE stock_alert ADD COLUMN severity VARCHAR(16);
ALTER TABLE stock_alert ADD COLUMN message_en VARCHAR(1000);
ALTER TABLE stock_alert ADD COLUMN message_zh VARCHAR(1000);

-- A PURCHASE suggestion made by a rule has no planning run: it names the rule (its name kept for the reason).
ALTER TABLE planning_suggestion ALTER COLUMN run_id DROP NOT NULL;
ALTER TABLE planning_suggestion ADD COLUMN rule_id BIGINT;
ALTER TABLE planning_suggestion ADD COLUMN rule_name VARCHAR(200);
